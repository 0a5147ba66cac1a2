package loginbot.channel;

import java.util.Optional;
import loginbot.store.ConversationRecord;

/**
 * Who may act on a handed-off conversation: anyone while nobody handles it, its assignee, or
 * another agent who takes it over explicitly. Checked inside the turn, so two agents racing for one
 * conversation cannot both win.
 */
final class Ownership {
  private Ownership() {}

  /**
   * @param action what the agent wanted to do, for the refusal ("reply to", "close")
   * @throws HandledByAnotherAgentException when another agent handles it and this is no take-over
   */
  static void check(ConversationRecord r, String agent, boolean takeOver, String action) {
    String holder = r.assignee();
    if (holder != null && !holder.equals(agent) && !takeOver) {
      throw new HandledByAnotherAgentException(r.id(), holder, action);
    }
  }

  /** The transcript's note when {@code agent} takes the conversation from someone else. */
  static Optional<String> takeOverNote(ConversationRecord r, String agent) {
    String holder = r.assignee();
    return holder != null && !holder.equals(agent)
        ? Optional.of(agent + " took the conversation over from " + holder)
        : Optional.empty();
  }

  /** The transcript's note for an assignment {@code agent} made. */
  static String assignmentNote(ConversationRecord r, String agent, String target) {
    if (target == null) {
      return agent + " put the conversation back in the unassigned queue";
    }
    String from =
        r.assignee() != null && !r.assignee().equals(target) ? " (from " + r.assignee() + ")" : "";
    return target.equals(agent)
        ? agent + " took the conversation" + from
        : agent + " assigned the conversation to " + target + from;
  }
}
