package loginbot.store;

import java.time.Duration;
import java.time.Instant;

/**
 * An outbound call written in the same transaction as the turn that caused it, so a reply or a
 * handoff survives a crash; delivered in order per conversation.
 */
public record OutboxItem(
    long id, String conversationId, String kind, String payload, int attempts, Instant notBefore) {

  /**
   * An outbound call to enqueue with a turn.
   *
   * @param delay how long after the turn it becomes due (a check that waits for the user to read)
   */
  public record Draft(String kind, String payload, Duration delay) {
    public Draft {
      delay = delay == null || delay.isNegative() ? Duration.ZERO : delay;
    }

    public Draft(String kind, String payload) {
      this(kind, payload, Duration.ZERO);
    }
  }
}
