package loginbot.store;

import java.util.Optional;
import loginbot.dialogue.Status;

/**
 * Who handles a handed-off conversation, as a turn sets it.
 *
 * @param agent the agent's name; null gives the conversation back to the unassigned queue
 */
public record Assignment(String agent) {

  /** Nobody: the conversation goes back to the unassigned queue. */
  public static final Assignment NOBODY = new Assignment(null);

  /**
   * The assignee a turn leaves: the one it sets (or the current one), and nobody once the
   * conversation is no longer handed off, so a new handoff always starts unassigned.
   */
  static String after(Optional<ConversationRecord> current, TurnWrite write) {
    if (write.next().status() != Status.HANDOFF) {
      return null;
    }
    if (write.assignment() != null) {
      return write.assignment().agent();
    }
    return current.map(ConversationRecord::assignee).orElse(null);
  }
}
