package loginbot.channel;

import java.time.Duration;

/** A sender or a client address went over its rate limit; answered 429 with {@code Retry-After}. */
public final class RateLimitedException extends RuntimeException {
  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, rounded up and at least 1, as the {@code Retry-After} header wants. */
  public long retryAfterSeconds() {
    long seconds = (retryAfter.toMillis() + 999) / 1000;
    return Math.max(1, seconds);
  }
}
