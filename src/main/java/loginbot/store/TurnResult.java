package loginbot.store;

import java.util.List;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;

/**
 * The outcome of {@link ConversationStore#runTurn}: the conversation as the turn left it (status,
 * packet, episode, reader) and the lines it appended, so a caller need not read them back. For a
 * duplicate message: the conversation as it is now and the replies of the first delivery, with
 * nothing written.
 *
 * @param conversation null only for a duplicate of a conversation deleted since
 * @param note the turn logic's {@link TurnWrite#note()}; null for a duplicate
 */
public record TurnResult(
    boolean duplicate,
    ConversationRecord conversation,
    List<Action.Reply> replies,
    List<TranscriptEntry> appended,
    Object note) {

  public TurnResult {
    replies = List.copyOf(replies);
    appended = List.copyOf(appended);
  }

  public TurnResult(
      boolean duplicate,
      ConversationRecord conversation,
      List<Action.Reply> replies,
      List<TranscriptEntry> appended) {
    this(duplicate, conversation, replies, appended, null);
  }

  /** The dialogue state after the turn; null as for {@link #conversation()}. */
  public ConversationState state() {
    return conversation == null ? null : conversation.state();
  }
}
