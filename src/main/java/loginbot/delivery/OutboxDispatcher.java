package loginbot.delivery;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import loginbot.store.ConversationStore;
import loginbot.store.OutboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what waits in the store's outbox, for every asynchronous target: oldest first and one at
 * a time per conversation, so a handoff's calls keep their order across failures and restarts. An
 * item leaves the outbox only once its target accepted it; failures worth retrying (IOException)
 * come back with backoff, other failures are logged and dropped. Items are claimed for a lease, so
 * instances sharing a database never deliver one twice.
 */
public final class OutboxDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  // A batch must be delivered within the lease even if every call hits its 20 s timeout.
  static final int BATCH = 10;
  static final Duration LEASE = Duration.ofMinutes(5);
  private static final int MAX_PASSES = 100;

  private final ConversationStore store;
  private final List<Deliverer> deliverers;
  private final Clock clock;
  private final Backoff backoff;
  private final Object lifecycle = new Object();
  // The scheduler thread and direct callers (tests, shutdown) never deliver concurrently.
  private final ReentrantLock delivering = new ReentrantLock();
  private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
  private volatile ScheduledExecutorService scheduler;

  public OutboxDispatcher(
      ConversationStore store, List<Deliverer> deliverers, Clock clock, Backoff backoff) {
    this.store = store;
    this.deliverers = List.copyOf(deliverers);
    this.clock = clock;
    this.backoff = backoff;
  }

  /** Polls the outbox every {@code interval} on a daemon thread until {@link #stop()}. */
  public void start(Duration interval) {
    synchronized (lifecycle) {
      if (scheduler != null) {
        throw new IllegalStateException("already started");
      }
      AtomicInteger threads = new AtomicInteger();
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "outbox-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      scheduler.scheduleWithFixedDelay(
          this::deliverDueQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Delivers soon instead of at the next poll; called after a turn queued items, so it never
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

  /** Stops polling after the current delivery; what is still queued stays for the next start. */
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
   * Delivers everything due now, including a conversation's next item as soon as the previous one
   * is through; returns how many items left the outbox (delivered or dropped).
   */
  public int deliverDue() {
    delivering.lock();
    try {
      int done = 0;
      for (Deliverer deliverer : deliverers) {
        done += deliverDue(deliverer);
      }
      return done;
    } finally {
      delivering.unlock();
    }
  }

  private int deliverDue(Deliverer deliverer) {
    int done = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      List<OutboxItem> due =
          store.claimDueOutbox(deliverer.kindPrefix(), clock.instant(), LEASE, BATCH);
      int progressed = 0;
      for (OutboxItem item : due) {
        if (deliver(deliverer, item)) {
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
  private boolean deliver(Deliverer deliverer, OutboxItem item) {
    try {
      deliverer.deliver(item);
      store.outboxDelivered(item.id());
      log.debug("{} delivered for {}", item.kind(), item.conversationId());
      return true;
    } catch (UndeliverableException e) {
      log.error(
          "outbox item {} ({}) for {} dropped: {}",
          item.id(),
          item.kind(),
          item.conversationId(),
          e.getMessage());
      store.outboxDelivered(item.id());
      return true;
    } catch (IOException e) {
      Instant next = clock.instant().plus(backoff.delay(item.attempts()));
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      log.warn(
          "{} for {} failed (attempt {}), retrying at {}: {}",
          item.kind(),
          item.conversationId(),
          item.attempts() + 1,
          next,
          error);
      store.outboxRetryAt(item.id(), next, error);
      return false;
    }
  }

  private void deliverDueQuietly() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      // Thrown out of a scheduled task, it would silently cancel all future polls.
      log.warn("outbox pass failed: {}", e.toString());
    }
  }
}
