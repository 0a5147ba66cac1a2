package loginbot.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable conversations. Implementations are thread-safe and, where several instances share one
 * database, behave as one: turns of one conversation never overlap, and a message id is processed
 * once.
 */
public interface ConversationStore extends AutoCloseable {

  /**
   * Runs one turn under the conversation's lock. When {@code messageId} (may be null) was already
   * processed, runs nothing and returns the first delivery's replies with {@code duplicate} set.
   */
  TurnResult runTurn(String conversationId, String channel, String messageId, TurnLogic logic);

  Optional<ConversationRecord> find(String conversationId);

  /** Transcript lines with {@code seq > afterSeq}, in order. */
  List<TranscriptEntry> transcript(String conversationId, long afterSeq);

  /** Conversations waiting for or owned by a human agent, newest handoff first. */
  List<ConversationRecord> handoffQueue();

  /** Conversations updated in {@code [from, to)}, for analytics. */
  List<ConversationRecord> updatedBetween(Instant from, Instant to);

  /** Deletes everything about one conversation (privacy request). */
  boolean delete(String conversationId);

  /** Deletes conversations not updated since {@code cutoff}; returns how many. */
  int purgeUpdatedBefore(Instant cutoff);

  /** Outbox items that are due, at most one per conversation (the oldest), oldest first. */
  List<OutboxItem> dueOutbox(Instant now, int limit);

  /**
   * Like {@link #dueOutbox} for the items whose kind starts with {@code kindPrefix} (one channel's
   * calls), and hides those returned from every caller, on any instance, until {@code now + lease}:
   * instances sharing a database never deliver an item twice. A delivered item is then removed with
   * {@link #outboxDelivered}, a failed one rescheduled with {@link #outboxRetryAt}; one whose
   * deliverer died comes back when the lease ends.
   */
  List<OutboxItem> claimDueOutbox(String kindPrefix, Instant now, Duration lease, int limit);

  void outboxDelivered(long itemId);

  void outboxRetryAt(long itemId, Instant notBefore, String error);

  /** Throws {@link StoreUnavailableException} when the store cannot serve requests. */
  void checkReady();

  @Override
  void close();
}
