package loginbot.store;

import java.util.List;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;

/**
 * The outcome of {@link ConversationStore#runTurn}: for a duplicate message, the state as it is and
 * the replies of the first delivery, with nothing written.
 */
public record TurnResult(
    boolean duplicate,
    ConversationState state,
    List<Action.Reply> replies,
    List<TranscriptEntry> appended) {

  public TurnResult {
    replies = List.copyOf(replies);
    appended = List.copyOf(appended);
  }
}
