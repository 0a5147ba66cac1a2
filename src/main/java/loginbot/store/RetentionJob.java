package loginbot.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes conversations nobody touched for longer than the retention period (RETENTION_DAYS):
 * shortly after start, then at a fixed interval. Every instance may run one; purging is idempotent.
 */
public final class RetentionJob implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final ConversationStore store;
  private final Clock clock;
  private final Duration retention;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  public RetentionJob(ConversationStore store, Clock clock, Duration retention, Duration interval) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, got " + retention);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("purge interval must be positive, got " + interval);
    }
    this.store = store;
    this.clock = clock;
    this.retention = retention;
    this.interval = interval;
  }

  /** Purges on a background daemon thread: after one minute, then every interval. */
  public synchronized void start() {
    if (scheduler != null) {
      throw new IllegalStateException("retention job already started");
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "retention");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::runQuietly, 60, interval.toSeconds(), TimeUnit.SECONDS);
  }

  /** Deletes what is older than the retention period now; returns how many conversations went. */
  public int runOnce() {
    int purged = store.purgeUpdatedBefore(clock.instant().minus(retention));
    if (purged > 0) {
      log.info(
          "retention: deleted {} conversations idle for more than {} days",
          purged,
          retention.toDays());
    }
    return purged;
  }

  private void runQuietly() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      // The next run retries; an exception escaping would cancel the schedule for good.
      log.warn("retention purge failed: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
