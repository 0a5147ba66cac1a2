package loginbot.store;

import java.time.Instant;
import java.util.Optional;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;

/**
 * A stored conversation: its dialogue state, its current episode (with that episode's handoff
 * packet, kept after a hand-back), who reads it, and when it changed.
 *
 * @param handoff the current episode's packet; empty until it is handed off, and in a new episode
 * @param lastSeq the sequence number of its last transcript line, 0 before the first
 */
public record ConversationRecord(
    String id,
    String channel,
    ConversationState state,
    Optional<HandoffPacket> handoff,
    Instant createdAt,
    Instant updatedAt,
    Episode episode,
    Reader reader,
    long lastSeq) {

  public ConversationRecord {
    reader = reader == null ? Reader.UNKNOWN : reader;
  }

  /** The same conversation with another reader (every other field kept: add new ones here). */
  public ConversationRecord withReader(Reader newReader) {
    return new ConversationRecord(
        id, channel, state, handoff, createdAt, updatedAt, episode, newReader, lastSeq);
  }
}
