package loginbot.store;

import java.util.List;

/**
 * One page of conversations.
 *
 * @param next where the next page starts; null on the last page
 */
public record ConversationPage(List<ConversationRecord> items, PageCursor next) {
  public ConversationPage {
    items = List.copyOf(items);
  }

  /**
   * The page from up to {@code limit + 1} rows in order: the extra row only tells that more follow.
   */
  static ConversationPage of(
      List<ConversationRecord> rows,
      int limit,
      java.util.function.Function<ConversationRecord, PageCursor> cursor) {
    if (rows.size() <= limit) {
      return new ConversationPage(rows, null);
    }
    List<ConversationRecord> page = rows.subList(0, limit);
    return new ConversationPage(page, cursor.apply(page.get(limit - 1)));
  }
}
