package loginbot.channel;

import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Status;
import loginbot.dialogue.Turn;
import loginbot.nlu.Understanding;

/**
 * One processed user message, as observers see it. For a redelivered message ({@code duplicate})
 * nothing ran, so {@code understanding}, {@code before} and {@code turn} are null. While a human
 * owns the conversation the turn has no actions.
 *
 * @param before the state before the message, null for a conversation's first message
 * @param nanos wall time of the whole turn, store included
 */
public record TurnEvent(
    String channel,
    String conversationId,
    boolean duplicate,
    Understanding understanding,
    ConversationState before,
    Turn turn,
    long nanos) {

  /** The dialogue did not understand the message (the classifier's own verdict may differ). */
  public boolean notUnderstood() {
    return turn != null
        && (before == null || before.status() != Status.HANDOFF)
        && missed(before, turn);
  }

  /**
   * Whether a turn is a miss: the dialogue's count of messages not understood in a row went up, or
   * the miss that handed off (which resets the count).
   */
  public static boolean missed(ConversationState before, Turn turn) {
    int previous = before == null ? 0 : before.notUnderstoodInRow();
    return turn.next().notUnderstoodInRow() > previous
        || turn.actions().stream()
            .anyMatch(
                a ->
                    a instanceof Action.Handoff h
                        && h.packet().reason() == HandoffPacket.Reason.NOT_UNDERSTOOD);
  }
}
