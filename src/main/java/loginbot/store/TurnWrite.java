package loginbot.store;

import java.util.List;
import java.util.Optional;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;

/**
 * What one turn writes, atomically: the next state, transcript lines, the handoff packet if the
 * turn handed off (or amended the current one), the replies (kept so a redelivered message gets the
 * same answer), outbound items for the outbox, what happened to the episode, and the reader's new
 * details (empty: unchanged). {@code note} is not stored: it is whatever the caller's logic wants
 * back from the turn it decided, returned in {@link TurnResult#note()}. {@code assignment} gives
 * the conversation to an agent (or to nobody); null leaves it as it is. Whatever it says, a
 * conversation that is not handed off after the turn is nobody's.
 */
public record TurnWrite(
    ConversationState next,
    List<TranscriptEntry.Draft> transcript,
    Optional<HandoffPacket> handoff,
    List<Action.Reply> replies,
    List<OutboxItem.Draft> outbox,
    EpisodeEvent event,
    Optional<Reader> reader,
    Object note,
    Assignment assignment) {

  public TurnWrite {
    transcript = List.copyOf(transcript);
    replies = List.copyOf(replies);
    outbox = List.copyOf(outbox);
    event = event == null ? EpisodeEvent.NONE : event;
  }

  public TurnWrite(
      ConversationState next,
      List<TranscriptEntry.Draft> transcript,
      Optional<HandoffPacket> handoff,
      List<Action.Reply> replies,
      List<OutboxItem.Draft> outbox,
      EpisodeEvent event,
      Optional<Reader> reader,
      Object note) {
    this(next, transcript, handoff, replies, outbox, event, reader, note, null);
  }

  /** A turn that changes neither the episode nor the reader beyond what the state says. */
  public TurnWrite(
      ConversationState next,
      List<TranscriptEntry.Draft> transcript,
      Optional<HandoffPacket> handoff,
      List<Action.Reply> replies,
      List<OutboxItem.Draft> outbox) {
    this(
        next,
        transcript,
        handoff,
        replies,
        outbox,
        EpisodeEvent.NONE,
        Optional.empty(),
        null,
        null);
  }
}
