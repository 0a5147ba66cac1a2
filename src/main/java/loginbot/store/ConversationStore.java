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
   * processed, runs nothing and returns the first delivery's replies with {@code duplicate} set. An
   * exception thrown by {@code logic} writes nothing and reaches the caller unchanged: that is how
   * a turn refuses (an agent action the state forbids).
   */
  TurnResult runTurn(String conversationId, String channel, String messageId, TurnLogic logic);

  Optional<ConversationRecord> find(String conversationId);

  /** Transcript lines with {@code seq > afterSeq}, in order. */
  List<TranscriptEntry> transcript(String conversationId, long afterSeq);

  /** Conversations waiting for or owned by a human agent, newest handoff first. */
  List<ConversationRecord> handoffQueue();

  /** One page of the handoff queue in one view, oldest handoff first. */
  ConversationPage queue(QueueQuery query);

  /** How many handed-off conversations each queue view holds for {@code agent}. */
  QueueCounts queueCounts(String agent);

  /** One page of a search over every conversation, most recently active first. */
  ConversationPage history(HistoryQuery query);

  /** Conversations updated in {@code [from, to)}, for analytics. */
  List<ConversationRecord> updatedBetween(Instant from, Instant to);

  /** A conversation's episodes, oldest first, the current one last; empty when unknown. */
  List<Episode> episodes(String conversationId);

  /** Episodes of any conversation started in {@code [from, to)}, oldest first, for analytics. */
  List<ConversationEpisode> episodesStartedBetween(Instant from, Instant to);

  /**
   * The user was shown the conversation's lines up to {@code seq} (live stream, a response, a
   * callback). Never moves back; no lock needed, and unknown conversations are ignored.
   */
  void markSeen(String conversationId, long seq);

  /** Lines up to {@code seq} were sent to the user by e-mail. Never moves back. */
  void markMailed(String conversationId, long seq);

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
