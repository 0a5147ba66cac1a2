package loginbot.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Token buckets by key (a sender, a client address): {@code burst} requests at once, refilled at
 * {@code perMinute}. Buckets idle long enough to be full again are dropped, so memory follows the
 * number of active keys, bounded by {@code maxKeys}.
 */
public final class RateLimiter {
  /** A rate and a burst; {@code perMinute == 0} turns limiting off. */
  public record Limit(int perMinute, int burst) {
    public Limit {
      if (perMinute < 0 || burst < 1) {
        throw new IllegalArgumentException("rate limit needs perMinute >= 0 and burst >= 1");
      }
    }

    public boolean enabled() {
      return perMinute > 0;
    }
  }

  private final Limit limit;
  private final Ticker ticker;
  private final double tokensPerNano;
  private final Cache<String, Bucket> buckets;

  public RateLimiter(Limit limit, Ticker ticker, int maxKeys) {
    this.limit = limit;
    this.ticker = ticker;
    this.tokensPerNano = limit.perMinute() / 60e9;
    long refillNanos = limit.enabled() ? (long) Math.ceil(limit.burst() / tokensPerNano) : 0;
    this.buckets =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterAccess(Duration.ofNanos(refillNanos).plusSeconds(1))
            .maximumSize(maxKeys)
            .build();
  }

  public RateLimiter(Limit limit) {
    this(limit, Ticker.systemTicker(), 100_000);
  }

  /**
   * Takes one token for {@code key}: {@link Duration#ZERO} when allowed, else how long until one is
   * free.
   */
  public Duration acquire(String key) {
    if (!limit.enabled()) {
      return Duration.ZERO;
    }
    long now = ticker.read();
    Bucket bucket = buckets.get(key, k -> new Bucket(limit.burst(), now));
    return bucket.take(now, limit.burst(), tokensPerNano);
  }

  public Limit limit() {
    return limit;
  }

  private static final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    synchronized Duration take(long now, int capacity, double tokensPerNano) {
      if (now > refilledAt) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
      }
      if (tokens >= 1) {
        tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }
  }
}
