package loginbot.store;

import java.time.Instant;
import java.util.Optional;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;

/** A stored conversation: its dialogue state, its latest handoff packet, and when it changed. */
public record ConversationRecord(
    String id,
    String channel,
    ConversationState state,
    Optional<HandoffPacket> handoff,
    Instant createdAt,
    Instant updatedAt) {}
