package loginbot.channel.chatwoot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import loginbot.channel.RateLimitedException;

/**
 * Queues a burst from one Chatwoot conversation instead of refusing it. A message over the
 * conversation's rate limit waits, in arrival order behind the others of its conversation, until
 * the limit lets it through; only one that would wait longer than {@code maxWait} (kept under
 * Chatwoot's 5 s timeout) is answered 429, which Chatwoot retries twice, 3 s apart. A refusal
 * Chatwoot gives up on opens the conversation to humans with no note, so it is the last resort.
 */
final class BurstQueue {
  /** Chatwoot waits 3 s before retrying a 429 or a 500. */
  static final Duration CHATWOOT_RETRY = Duration.ofSeconds(3);

  private final Duration maxWait;
  // Fair locks: the waiting messages of a conversation go through in the order they arrived.
  private final Cache<String, ReentrantLock> lines =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(10_000).build();

  BurstQueue(Duration maxWait) {
    this.maxWait = maxWait;
  }

  /** Runs {@code turn}, waiting while it is refused by a rate limit, up to {@code maxWait}. */
  <T> T run(String conversation, Supplier<T> turn) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    ReentrantLock line = lines.get(conversation, k -> new ReentrantLock(true));
    try {
      if (!line.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new RateLimitedException(
            "too many messages waiting in this conversation", CHATWOOT_RETRY);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RateLimitedException("interrupted while queued", CHATWOOT_RETRY);
    }
    try {
      while (true) {
        try {
          return turn.get();
        } catch (RateLimitedException refused) {
          long left = deadline - System.nanoTime();
          if (refused.retryAfter().toNanos() > left) {
            throw refused;
          }
          TimeUnit.NANOSECONDS.sleep(refused.retryAfter().toNanos());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RateLimitedException("interrupted while queued", CHATWOOT_RETRY);
    } finally {
      line.unlock();
    }
  }
}
