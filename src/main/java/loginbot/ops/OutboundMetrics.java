package loginbot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Outbound API calls (Chatwoot, ...): count by target and outcome, latency by target. Either add
 * {@link #interceptor(String)} to the OkHttp client, or call {@link #record} around each call.
 */
public final class OutboundMetrics {
  private final MeterProvider<Counter> calls;
  private final MeterProvider<Timer> latency;

  public OutboundMetrics(MeterRegistry registry) {
    calls =
        Counter.builder("loginbot.outbound.calls")
            .description("Outbound API calls; outcome is 2xx, 3xx, 4xx, 5xx or io_error")
            .withRegistry(registry);
    latency =
        Timer.builder("loginbot.outbound.latency")
            .serviceLevelObjectives(LatencyBuckets.REQUEST)
            .withRegistry(registry);
  }

  /**
   * One finished call: {@code status} is the HTTP status, or 0 when no response came (I/O error,
   * timeout).
   */
  public void record(String target, int status, long nanos) {
    String outcome = status == 0 ? "io_error" : (status / 100) + "xx";
    calls.withTags("target", target, "outcome", outcome).increment();
    latency.withTags("target", target).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** An application interceptor recording every call of one OkHttp client under {@code target}. */
  public Interceptor interceptor(String target) {
    return chain -> {
      long started = System.nanoTime();
      try {
        Response response = chain.proceed(chain.request());
        record(target, response.code(), System.nanoTime() - started);
        return response;
      } catch (IOException | RuntimeException e) {
        record(target, 0, System.nanoTime() - started);
        throw e;
      }
    };
  }
}
