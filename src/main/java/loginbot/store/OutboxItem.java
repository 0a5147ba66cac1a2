package loginbot.store;

import java.time.Instant;

/**
 * An outbound platform call written in the same transaction as the turn that caused it, so a reply
 * or a handoff survives a crash; delivered in order per conversation.
 */
public record OutboxItem(
    long id, String conversationId, String kind, String payload, int attempts, Instant notBefore) {

  /** An outbound call to enqueue with a turn. */
  public record Draft(String kind, String payload) {}
}
