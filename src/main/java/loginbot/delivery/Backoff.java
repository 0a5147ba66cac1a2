package loginbot.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of {@code base * 2^n},
 * capped at {@code max}, so many conversations failing together do not retry in lockstep.
 *
 * @param random values in [0, 1)
 */
public record Backoff(Duration base, Duration max, DoubleSupplier random) {

  /** 2 s, 4 s, 8 s ... up to 5 minutes. */
  public static Backoff standard() {
    return new Backoff(
        Duration.ofSeconds(2),
        Duration.ofMinutes(5),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The wait before the next try, after {@code attempts} failed tries. */
  public Duration delay(int attempts) {
    long cap = max.toMillis();
    long exponential = Math.min(cap, base.toMillis() << Math.min(Math.max(attempts, 0), 20));
    long half = exponential / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (exponential - half)));
  }
}
