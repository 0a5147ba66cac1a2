package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import loginbot.web.Json;
import loginbot.web.WebServer;
import org.junit.jupiter.api.Test;

class PublicLimitsTest {
  private final FakeTicker ticker = new FakeTicker();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private Javalin server(RateLimiter.Limit limit, boolean trustForwardedFor) {
    var limiter = new RateLimiter(limit, ticker, 1000);
    return WebServer.create(
        Json.newMapper(),
        List.of(
            new HttpMetrics(registry, List.of("/webhooks/")),
            new ClientRateLimit(
                limiter, List.of("/webhooks/", "/widget/"), trustForwardedFor, registry),
            routes -> {
              routes.post("/webhooks/test/{id}", ctx -> ctx.result("ok " + ctx.pathParam("id")));
              routes.get("/api/private", ctx -> ctx.result("private"));
            }));
  }

  @Test
  void a_client_over_its_limit_gets_429_with_retry_after_until_a_token_returns() {
    JavalinTest.test(
        server(new RateLimiter.Limit(6, 2), false),
        (server, client) -> {
          var first = client.post("/webhooks/test/1", "{}");
          var second = client.post("/webhooks/test/1", "{}");
          var third = client.post("/webhooks/test/1", "{}");
          ticker.advance(Duration.ofSeconds(10));
          var later = client.post("/webhooks/test/1", "{}");

          assertThat(first.code()).isEqualTo(200);
          assertThat(second.code()).isEqualTo(200);
          assertThat(third.code()).isEqualTo(429);
          assertThat(third.headers().get("Retry-After")).containsExactly("10");
          assertThat(third.body().string()).contains("\"too_many_requests\"");
          assertThat(later.code()).isEqualTo(200);
          assertThat(registry.get("loginbot.rate_limited").tag("scope", "client").counter().count())
              .isEqualTo(1);
        });
  }

  @Test
  void endpoints_outside_the_public_prefixes_are_not_limited() {
    JavalinTest.test(
        server(new RateLimiter.Limit(6, 1), false),
        (server, client) -> {
          client.post("/webhooks/test/1", "{}");

          assertThat(client.post("/webhooks/test/1", "{}").code()).isEqualTo(429);
          assertThat(client.get("/api/private").code()).isEqualTo(200);
          assertThat(client.get("/health").code()).isEqualTo(200);
        });
  }

  @Test
  void behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    JavalinTest.test(
        server(new RateLimiter.Limit(6, 1), true),
        (server, client) -> {
          var alice =
              client.post(
                  "/webhooks/test/1", "{}", r -> r.header("X-Forwarded-For", "203.0.113.1"));
          var aliceAgain =
              client.post(
                  "/webhooks/test/1", "{}", r -> r.header("X-Forwarded-For", "203.0.113.1"));
          // A forged first hop does not help: the proxy's own (last) entry is the one counted.
          var forged =
              client.post(
                  "/webhooks/test/1",
                  "{}",
                  r -> r.header("X-Forwarded-For", "198.51.100.7, 203.0.113.1"));
          var bob =
              client.post(
                  "/webhooks/test/1", "{}", r -> r.header("X-Forwarded-For", "203.0.113.2"));

          assertThat(alice.code()).isEqualTo(200);
          assertThat(aliceAgain.code()).isEqualTo(429);
          assertThat(forged.code()).isEqualTo(429);
          assertThat(bob.code()).isEqualTo(200);
        });
  }

  @Test
  void webhook_latency_is_a_histogram_by_route_template_including_refused_requests() {
    JavalinTest.test(
        server(new RateLimiter.Limit(6, 1), false),
        (server, client) -> {
          client.post("/webhooks/test/abc", "{}");
          client.post("/webhooks/test/def", "{}");
          client.get("/api/private");
          client.get("/no/such/page");

          String scrape = registry.scrape();
          assertThat(scrape)
              .contains(
                  "loginbot_webhook_latency_seconds_bucket{route=\"/webhooks/test/{id}\",status=\"200\"")
              .contains(
                  "loginbot_webhook_latency_seconds_count{route=\"/webhooks/test/{id}\",status=\"429\"} 1")
              .contains(
                  "http_server_requests_seconds_count{method=\"GET\",route=\"/api/private\",status=\"200\"} 1")
              .contains("route=\"unmatched\",status=\"404\"")
              .doesNotContain("abc", "def", "/no/such/page");
        });
  }
}
