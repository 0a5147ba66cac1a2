package loginbot.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bounded queue in front of a store with few connections (PostgreSQL's pool): at most {@code
 * running} request calls use the store at once, at most {@code queue} more wait, first come first
 * served, and none longer than {@code maxWait}. Any other caller gets {@link StoreBusyException} at
 * once, which its channel answers with a status the platform retries. Under overload the store then
 * serves what it can at its normal latency, instead of every request waiting seconds in the pool.
 * Background work (the outbox, retention, readiness) does not queue here.
 */
public final class BoundedStore implements ConversationStore {
  /**
   * How long a request may wait for its turn: past that the database is not keeping up, and the
   * platform's retry does better than a caller left hanging.
   */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);

  /** What a refused caller is told to wait before retrying. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final ConversationStore delegate;
  private final Semaphore running;
  private final int capacity;
  private final int queue;
  private final Duration maxWait;
  private final AtomicInteger admitted = new AtomicInteger();

  public BoundedStore(ConversationStore delegate, int running, int queue, Duration maxWait) {
    if (running < 1 || queue < 0) {
      throw new IllegalArgumentException("running must be >= 1 and queue >= 0");
    }
    this.delegate = delegate;
    // Fair: the first to wait is the first to run, so no request starves while others pass it.
    this.running = new Semaphore(running, true);
    this.capacity = running + queue;
    this.queue = queue;
    this.maxWait = maxWait;
  }

  @Override
  public TurnResult runTurn(
      String conversationId, String channel, String messageId, TurnLogic logic) {
    return admitted(() -> delegate.runTurn(conversationId, channel, messageId, logic));
  }

  @Override
  public Optional<ConversationRecord> find(String conversationId) {
    return admitted(() -> delegate.find(conversationId));
  }

  @Override
  public List<TranscriptEntry> transcript(String conversationId, long afterSeq) {
    return admitted(() -> delegate.transcript(conversationId, afterSeq));
  }

  @Override
  public List<ConversationRecord> handoffQueue() {
    return admitted(delegate::handoffQueue);
  }

  @Override
  public ConversationPage queue(QueueQuery query) {
    return admitted(() -> delegate.queue(query));
  }

  @Override
  public QueueCounts queueCounts(String agent) {
    return admitted(() -> delegate.queueCounts(agent));
  }

  @Override
  public ConversationPage history(HistoryQuery query) {
    return admitted(() -> delegate.history(query));
  }

  @Override
  public List<ConversationRecord> updatedBetween(Instant from, Instant to) {
    return admitted(() -> delegate.updatedBetween(from, to));
  }

  @Override
  public List<Episode> episodes(String conversationId) {
    return admitted(() -> delegate.episodes(conversationId));
  }

  @Override
  public List<ConversationEpisode> episodesStartedBetween(Instant from, Instant to) {
    return admitted(() -> delegate.episodesStartedBetween(from, to));
  }

  @Override
  public void markSeen(String conversationId, long seq) {
    admitted(
        () -> {
          delegate.markSeen(conversationId, seq);
          return null;
        });
  }

  @Override
  public void markMailed(String conversationId, long seq) {
    delegate.markMailed(conversationId, seq);
  }

  @Override
  public boolean delete(String conversationId) {
    return admitted(() -> delegate.delete(conversationId));
  }

  @Override
  public int purgeUpdatedBefore(Instant cutoff) {
    return delegate.purgeUpdatedBefore(cutoff);
  }

  @Override
  public List<OutboxItem> dueOutbox(Instant now, int limit) {
    return delegate.dueOutbox(now, limit);
  }

  @Override
  public List<OutboxItem> claimDueOutbox(
      String kindPrefix, Instant now, Duration lease, int limit) {
    return delegate.claimDueOutbox(kindPrefix, now, lease, limit);
  }

  @Override
  public void outboxDelivered(long itemId) {
    delegate.outboxDelivered(itemId);
  }

  @Override
  public void outboxRetryAt(long itemId, Instant notBefore, String error) {
    delegate.outboxRetryAt(itemId, notBefore, error);
  }

  @Override
  public void checkReady() {
    delegate.checkReady();
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** Requests waiting for a place now. */
  int waiting() {
    return running.getQueueLength();
  }

  /** Requests using the store now. */
  int running() {
    return capacity - queue - running.availablePermits();
  }

  private <T> T admitted(Supplier<T> call) {
    if (admitted.incrementAndGet() > capacity) {
      admitted.decrementAndGet();
      throw new StoreBusyException(
          "the store is busy: " + capacity + " requests are already running or waiting",
          RETRY_AFTER_SECONDS);
    }
    try {
      if (!running.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new StoreBusyException(
            "the store is busy: no turn to use it within " + maxWait.toMillis() + " ms",
            RETRY_AFTER_SECONDS);
      }
      try {
        return call.get();
      } finally {
        running.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreBusyException("interrupted while waiting for the store", RETRY_AFTER_SECONDS);
    } finally {
      admitted.decrementAndGet();
    }
  }
}
