package loginbot.store;

import java.util.Locale;

/**
 * One page of the handoff queue: oldest handoff first, so whoever waited longest comes first.
 *
 * @param agent the agent asking; {@link View#MINE} means theirs
 * @param after the last row of the previous page; null for the first page
 * @param limit rows at most
 */
public record QueueQuery(View view, String agent, PageCursor after, int limit) {

  /** Which handed-off conversations to list. */
  public enum View {
    /** Those assigned to the agent asking. */
    MINE,
    /** Those nobody has taken. */
    UNASSIGNED,
    /** Every handed-off conversation. */
    ALL;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether a handed-off conversation belongs in this view. */
  boolean shows(ConversationRecord c) {
    return switch (view) {
      case MINE -> agent != null && agent.equals(c.assignee());
      case UNASSIGNED -> c.assignee() == null;
      case ALL -> true;
    };
  }
}
