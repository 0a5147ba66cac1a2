package loginbot.ops;

import java.time.Duration;

/**
 * Histogram buckets shared by the latency timers: few and fixed (not Micrometer's ~60 per series),
 * fine enough for Prometheus' {@code histogram_quantile} around the 50 ms target.
 */
final class LatencyBuckets {
  private LatencyBuckets() {}

  /** What a caller waits for (HTTP in or out): 1 ms to 10 s. */
  static final Duration[] REQUEST =
      millis(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000);

  /** In-process work (a turn, a store call): 50 µs to 0.5 s. */
  static final Duration[] FINE =
      micros(50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 500000);

  private static Duration[] millis(long... values) {
    Duration[] result = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = Duration.ofMillis(values[i]);
    }
    return result;
  }

  private static Duration[] micros(long... values) {
    Duration[] result = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = Duration.ofNanos(values[i] * 1000);
    }
    return result;
  }
}
