package loginbot.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What support teams ask of a period {@code [from, to)}: how many chats started, how many the bot
 * resolved, how many went to a human and why, which article cases came up, how satisfied users
 * were, and what the bot did not understand. Rates are over {@code chats}; null when there were
 * none.
 *
 * @param resolvedByBot the user confirmed a step worked and no human took over
 * @param handedOff a human was asked for or took over (reason {@code unknown} when the packet is
 *     gone)
 * @param unfinished neither resolved nor handed off (abandoned, or still going)
 * @param cases article case → chats that walked through it
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
    Map<String, Integer> cases,
    Satisfaction satisfaction,
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
   * One distinct message the bot did not understand (masked as stored), most frequent first.
   *
   * @param conversations in how many conversations it was sent
   */
  public record NotUnderstood(String text, int count, int conversations, Instant lastSeen) {}
}
