package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class OutboundMetricsTest {
  @StartStop private final MockWebServer chatwoot = new MockWebServer();

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final OutboundMetrics metrics = new OutboundMetrics(registry);
  private final OkHttpClient client =
      new OkHttpClient.Builder()
          .addInterceptor(metrics.interceptor("chatwoot"))
          .callTimeout(Duration.ofSeconds(10))
          .build();

  private double calls(String outcome) {
    var counter =
        registry
            .find("loginbot.outbound.calls")
            .tags("target", "chatwoot", "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private void call() throws IOException {
    try (Response ignored =
        client.newCall(new Request.Builder().url(chatwoot.url("/api/v1/x")).build()).execute()) {
      // only the status matters here
    }
  }

  @Test
  void calls_are_counted_by_status_class_and_timed() throws IOException {
    chatwoot.enqueue(new MockResponse.Builder().code(200).build());
    chatwoot.enqueue(new MockResponse.Builder().code(429).build());
    chatwoot.enqueue(new MockResponse.Builder().code(503).build());

    call();
    call();
    call();

    assertThat(calls("2xx")).isEqualTo(1);
    assertThat(calls("4xx")).isEqualTo(1);
    assertThat(calls("5xx")).isEqualTo(1);
    assertThat(registry.get("loginbot.outbound.latency").tag("target", "chatwoot").timer().count())
        .isEqualTo(3);
  }

  @Test
  void a_call_that_gets_no_response_counts_as_an_io_error() throws IOException {
    String deadUrl = chatwoot.url("/api/v1/x").toString();
    chatwoot.close();

    assertThatThrownBy(
            () -> {
              try (Response ignored =
                  client.newCall(new Request.Builder().url(deadUrl).build()).execute()) {
                // unreachable
              }
            })
        .isInstanceOf(IOException.class);

    assertThat(calls("io_error")).isEqualTo(1);
  }
}
