package loginbot.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What support teams ask of a period {@code [from, to)}: how many chats (episodes) started, how
 * many the bot resolved, how many went to a human and why, which article cases came up, how
 * satisfied users were, and what the bot did not understand. Rates are over {@code chats}; null
 * when there were none.
 *
 * @param resolvedByBot the user confirmed a step worked and no human took over
 * @param handedOff a human was asked for or took over (reason {@code unknown} when the packet is
 *     gone)
 * @param unfinished neither resolved nor handed off (abandoned, or still going)
 * @param outcomes {@code resolved}, {@code handed_off}, {@code closed_by_agent}, {@code abandoned},
 *     {@code open} (the bot is still on it) → chats
 * @param cases article case → chats that walked through it
 * @param firstHumanReply how long handed-off users waited for a person's first answer
 * @param handlingTime how long a person had the chats an agent closed
 * @param agents per agent who answered, handed back or closed a chat, by name
 * @param days every UTC day of the period, oldest first, over the chats that started that day
 * @param userMessages user messages sent in the period (any conversation)
 */
public record AnalyticsReport(
    Instant from,
    Instant to,
    int chats,
    Map<String, Integer> channels,
    Map<String, Integer> languages,
    int resolvedByBot,
    Double resolutionRate,
    int handedOff,
    Double handoffRate,
    Map<String, Integer> handoffReasons,
    int unfinished,
    Map<String, Integer> outcomes,
    Map<String, Integer> cases,
    Satisfaction satisfaction,
    FirstHumanReply firstHumanReply,
    HandlingTime handlingTime,
    List<AgentTimes> agents,
    List<Day> days,
    int userMessages,
    int notUnderstoodMessages,
    List<NotUnderstood> notUnderstood) {

  /**
   * "Was this helpful?" answers and 1–5 ratings of the period's chats.
   *
   * @param helpfulShare yes / answers, null without answers
   * @param ratingCounts "1".."5" → how many
   */
  public record Satisfaction(
      int helpfulAnswers,
      int helpfulYes,
      Double helpfulShare,
      int ratings,
      Double averageRating,
      Map<String, Integer> ratingCounts) {}

  /**
   * Time from a handoff to an agent's first answer, over the handed-off chats an agent answered.
   *
   * @param medianSeconds null when no chat was answered
   */
  public record FirstHumanReply(int answered, Double medianSeconds) {}

  /**
   * From the handoff (or the first human answer when its packet is gone) to an agent closing the
   * chat. A chat handed back to the bot has no end to measure, so it is not counted.
   *
   * @param medianSeconds null when no chat was closed by an agent
   */
  public record HandlingTime(int handled, Double medianSeconds) {}

  /** One agent's chats and timings (the agent who first answered, handed back or closed a chat). */
  public record AgentTimes(
      String agent, int chats, FirstHumanReply firstHumanReply, HandlingTime handlingTime) {}

  /**
   * One UTC day's chats (episodes started that day) and how they went; rates null without chats.
   *
   * @param date {@code 2026-03-02}
   */
  public record Day(
      String date,
      int chats,
      int resolvedByBot,
      Double resolutionRate,
      int handedOff,
      Double handoffRate,
      int helpfulAnswers,
      Double helpfulShare,
      int ratings,
      Double averageRating) {}

  /**
   * One distinct message the bot did not understand (masked as stored), most frequent first.
   *
   * @param conversations in how many conversations it was sent
   */
  public record NotUnderstood(String text, int count, int conversations, Instant lastSeen) {}
}
