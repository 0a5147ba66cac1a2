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
   * One distinct message the bot did not understand (masked as stored), most frequent first.
   *
   * @param conversations in how many conversations it was sent
   */
  public record NotUnderstood(String text, int count, int conversations, Instant lastSeen) {}
}
