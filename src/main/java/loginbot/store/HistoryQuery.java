package loginbot.store;

import java.time.Instant;
import java.util.Locale;

/**
 * A search over every stored conversation, most recently active first. Each filter is optional
 * (null: any). Case, role, language and agent match any episode of the conversation, so an old
 * episode is found after the user started over.
 *
 * @param text words in any transcript line (case-insensitive substring)
 * @param status the conversation's status code now: {@code bot}, {@code handoff}, {@code closed}
 * @param agent an agent who answered, handed back or closed an episode, or who handles it now
 * @param from last activity at or after
 * @param to last activity before
 * @param after the last row of the previous page; null for the first page
 */
public record HistoryQuery(
    String text,
    String caseId,
    String role,
    String language,
    String status,
    String agent,
    Instant from,
    Instant to,
    PageCursor after,
    int limit) {

  /** The text filter as a LIKE pattern, lower case, with LIKE's wildcards escaped by '!'. */
  String likePattern() {
    String lower = text.toLowerCase(Locale.ROOT);
    return "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
