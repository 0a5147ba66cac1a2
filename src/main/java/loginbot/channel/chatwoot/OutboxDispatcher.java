package loginbot.channel.chatwoot;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import loginbot.store.ConversationStore;
import loginbot.store.OutboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the Chatwoot calls waiting in the store's outbox, one thread, oldest first and one at a
 * time per conversation, so a handoff's calls keep their order across failures and restarts. 429,
 * 5xx and transport errors are retried with backoff; other 4xx are logged and dropped.
 */
public final class OutboxDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  // Items are claimed for LEASE so another instance on the same database skips them; a batch must
  // be delivered within the lease even if every call hits the client's 20 s call timeout.
  static final int BATCH = 10;
  static final Duration LEASE = Duration.ofMinutes(5);
  private static final int MAX_PASSES = 100;

  private final ConversationStore store;
  private final ChatwootClient client;
  private final ChatwootOutbox outbox;
  private final Clock clock;
  private final Backoff backoff;
  private final Object lifecycle = new Object();
  // Scheduler thread and direct callers (tests, shutdown) never deliver concurrently.
  private final ReentrantLock delivering = new ReentrantLock();
  private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
  private volatile ScheduledExecutorService scheduler;

  public OutboxDispatcher(
      ConversationStore store,
      ChatwootClient client,
      ChatwootOutbox outbox,
      Clock clock,
      Backoff backoff) {
    this.store = store;
    this.client = client;
    this.outbox = outbox;
    this.clock = clock;
    this.backoff = backoff;
  }

  /** Polls the outbox every {@code interval} on a daemon thread until {@link #stop()}. */
  public void start(Duration interval) {
    synchronized (lifecycle) {
      if (scheduler != null) {
        throw new IllegalStateException("already started");
      }
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "chatwoot-outbox");
                t.setDaemon(true);
                return t;
              });
      scheduler.scheduleWithFixedDelay(
          this::deliverDueQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Delivers soon instead of at the next poll; called after a turn queued calls, so it never
   * blocks. No-op when stopped.
   */
  public void wakeUp() {
    ScheduledExecutorService current = scheduler;
    if (current != null && wakeUpQueued.compareAndSet(false, true)) {
      try {
        current.execute(
            () -> {
              wakeUpQueued.set(false);
              deliverDueQuietly();
            });
      } catch (RejectedExecutionException e) {
        wakeUpQueued.set(false);
      }
    }
  }

  /**
   * Stops polling after the current call; what is still queued stays in the store for the next
   * start.
   */
  public void stop() {
    ScheduledExecutorService stopping;
    synchronized (lifecycle) {
      stopping = scheduler;
      scheduler = null;
    }
    if (stopping == null) {
      return;
    }
    stopping.shutdown();
    try {
      if (!stopping.awaitTermination(30, TimeUnit.SECONDS)) {
        stopping.shutdownNow();
      }
    } catch (InterruptedException e) {
      stopping.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Delivers everything due now, including a conversation's next call as soon as the previous one
   * is through; returns how many items left the outbox (delivered or dropped).
   */
  public int deliverDue() {
    delivering.lock();
    try {
      return deliverDueLocked();
    } finally {
      delivering.unlock();
    }
  }

  private int deliverDueLocked() {
    int done = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      List<OutboxItem> due =
          store.claimDueOutbox(ChatwootOutbox.KIND_PREFIX, clock.instant(), LEASE, BATCH);
      int progressed = 0;
      for (OutboxItem item : due) {
        if (deliver(item)) {
          progressed++;
        }
      }
      done += progressed;
      if (progressed == 0) {
        break;
      }
    }
    return done;
  }

  /** True when the item left the outbox; false when it was rescheduled. */
  private boolean deliver(OutboxItem item) {
    ChatwootCall call;
    try {
      call = outbox.decode(item);
    } catch (IllegalArgumentException e) {
      log.error(
          "chatwoot outbox item {} ({}) for {} dropped: {}",
          item.id(),
          item.kind(),
          item.conversationId(),
          e.getMessage());
      store.outboxDelivered(item.id());
      return true;
    }
    try {
      call.sendWith(client);
      store.outboxDelivered(item.id());
      log.debug("chatwoot {} delivered for {}", item.kind(), item.conversationId());
      return true;
    } catch (ChatwootApiException e) {
      if (!e.retryable()) {
        log.error(
            "chatwoot refused {} for {} (HTTP {}), not retried: {}",
            item.kind(),
            item.conversationId(),
            e.status(),
            e.body());
        store.outboxDelivered(item.id());
        return true;
      }
      retry(item, e);
      return false;
    } catch (IOException e) {
      retry(item, e);
      return false;
    }
  }

  private void retry(OutboxItem item, IOException e) {
    Instant next = clock.instant().plus(backoff.delay(item.attempts()));
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    log.warn(
        "chatwoot {} for {} failed (attempt {}), retrying at {}: {}",
        item.kind(),
        item.conversationId(),
        item.attempts() + 1,
        next,
        error);
    store.outboxRetryAt(item.id(), next, error);
  }

  private void deliverDueQuietly() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      // Thrown out of a scheduled task, it would silently cancel all future polls.
      log.warn("chatwoot outbox pass failed: {}", e.toString());
    }
  }
}
