package loginbot.store;

import java.util.List;
import java.util.Optional;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;

/**
 * What one turn writes, atomically: the next state, transcript lines, the handoff packet if the
 * turn handed off, the replies (kept so a redelivered message gets the same answer) and outbound
 * calls for the channel's outbox.
 */
public record TurnWrite(
    ConversationState next,
    List<TranscriptEntry.Draft> transcript,
    Optional<HandoffPacket> handoff,
    List<Action.Reply> replies,
    List<OutboxItem.Draft> outbox) {

  public TurnWrite {
    transcript = List.copyOf(transcript);
    replies = List.copyOf(replies);
    outbox = List.copyOf(outbox);
  }
}
