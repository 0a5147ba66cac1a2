package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loginbot.TestBot;
import loginbot.web.Json;
import loginbot.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

// Many connections at once: run alone, so a loaded machine's other test servers cannot starve it.
@Isolated
class PublicLimitsTest {
  private final FakeTicker ticker = new FakeTicker();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private Javalin server(RateLimiter.Limit limit, boolean trustForwardedFor) {
    return server(
        new RateLimiter.Limit(0, 1),
        limit,
        List.of(),
        trustForwardedFor ? ForwardedFor.parse("true") : ForwardedFor.NONE);
  }

  /** Reads the request's body and gives nothing back to append. */
  private static String read(io.javalin.http.Context ctx) {
    ctx.bodyAsBytes();
    return "";
  }

  private Javalin server(
      RateLimiter.Limit perUser,
      RateLimiter.Limit perAddress,
      List<String> noAddressLimit,
      ForwardedFor forwarded) {
    return WebServer.create(
        Json.newMapper(),
        List.of(
            new HttpMetrics(registry, List.of("/webhooks/")),
            new ClientRateLimit(
                new RateLimiter(perUser, ticker, 1000),
                new RateLimiter(perAddress, ticker, 1000),
                List.of("/webhooks/", "/widget/"),
                noAddressLimit,
                forwarded,
                registry),
            // Each reads its body, as the real handlers do: Jetty closes a connection whose body
            // was left unread before its last bytes arrived, which a loaded machine makes likely,
            // and the client's next request on it would fail for that, not for the limits.
            routes -> {
              routes.post(
                  "/webhooks/test/{id}",
                  ctx -> ctx.result("ok " + ctx.pathParam("id") + read(ctx)));
              routes.post("/webhooks/rest/webhook", ctx -> ctx.result("[]" + read(ctx)));
              routes.post("/widget/conversations", ctx -> ctx.result("created" + read(ctx)));
              routes.post(
                  "/widget/conversations/{id}/messages",
                  ctx -> ctx.result("sent " + ctx.pathParam("id") + read(ctx)));
              routes.get("/api/private", ctx -> ctx.result("private"));
            }));
  }

  /** The shipped defaults. */
  private Javalin shipped(Map<String, String> env) {
    OpsConfig ops = OpsConfig.fromEnv(env);
    return server(
        ops.perUser(),
        ops.perClient(),
        ops.addressLimitOnRest() ? List.of() : List.of("/webhooks/rest/"),
        ops.forwardedFor());
  }

  @Test
  void a_hundred_widget_users_behind_one_office_address_are_all_served() {
    TestBot.serve(
        shipped(Map.of()),
        (server, client) -> {
          // given: 100 people in one office open the widget at the same moment and write a
          // messages each; all come from one address
          List<Integer> codes = new ArrayList<>();
          for (int user = 0; user < 100; user++) {
            String token = "token-of-user-" + user;
            codes.add(client.post("/widget/conversations", "{}").code());
            for (int m = 0; m < 1; m++) {
              codes.add(
                  client
                      .post(
                          "/widget/conversations/c" + user + "/messages",
                          "{}",
                          r -> r.header("X-Widget-Token", token))
                      .code());
            }
          }

          // then
          assertThat(codes).hasSize(200).containsOnly(200);
        });
  }

  @Test
  void one_widget_user_flooding_is_refused_while_a_colleague_on_the_same_address_is_not() {
    TestBot.serve(
        shipped(Map.of("RATE_LIMIT_USER_BURST", "3")),
        (server, client) -> {
          List<Integer> flood = new ArrayList<>();
          for (int i = 0; i < 5; i++) {
            flood.add(
                client
                    .post(
                        "/widget/conversations/a/messages",
                        "{}",
                        r -> r.header("X-Widget-Token", "alice"))
                    .code());
          }
          var colleague =
              client.post(
                  "/widget/conversations/b/messages", "{}", r -> r.header("X-Widget-Token", "bob"));

          assertThat(flood).containsExactly(200, 200, 200, 429, 429);
          assertThat(colleague.code()).isEqualTo(200);
          assertThat(registry.get("loginbot.rate_limited").tag("scope", "user").counter().count())
              .isEqualTo(2);
        });
  }

  @Test
  void the_rest_webhook_has_no_address_limit_by_default_as_servers_relay_all_their_users() {
    TestBot.serve(
        shipped(Map.of("RATE_LIMIT_IP_BURST", "5")),
        (server, client) -> {
          List<Integer> codes = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            codes.add(client.post("/webhooks/rest/webhook", "{\"sender\":\"u" + i + "\"}").code());
          }
          assertThat(codes).containsOnly(200);
        });
    TestBot.serve(
        shipped(Map.of("RATE_LIMIT_IP_BURST", "5", "RATE_LIMIT_IP_ON_REST", "true")),
        (server, client) -> {
          List<Integer> codes = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            codes.add(client.post("/webhooks/rest/webhook", "{}").code());
          }
          assertThat(codes).contains(429);
        });
  }

  @Test
  void behind_a_chain_of_trusted_proxies_the_right_most_untrusted_hop_is_the_client() {
    ForwardedFor chain = ForwardedFor.parse("127.0.0.1, 10.0.0.0/8, ::1");
    // The client forged a first entry; the CDN added the client's real address; our balancer
    // (10.0.0.2) added the CDN's, which is one of ours too.
    assertThat(chain.clientOf("127.0.0.1", "198.51.100.7, 203.0.113.1, 10.0.0.2"))
        .isEqualTo("203.0.113.1");
    // A connection that is not one of our proxies: the header is the client's own words.
    assertThat(chain.clientOf("192.0.2.50", "203.0.113.1")).isEqualTo("192.0.2.50");
    // With true, the connection is our one proxy, and its entry (the last) is the client.
    assertThat(ForwardedFor.parse("true").clientOf("127.0.0.1", "198.51.100.7, 203.0.113.1"))
        .isEqualTo("203.0.113.1");
    assertThat(ForwardedFor.NONE.clientOf("127.0.0.1", "203.0.113.1")).isEqualTo("127.0.0.1");
  }

  @Test
  void a_client_over_its_limit_gets_429_with_retry_after_until_a_token_returns() {
    TestBot.serve(
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
    TestBot.serve(
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
    TestBot.serve(
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
    TestBot.serve(
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
