package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import loginbot.TestBot;
import loginbot.store.ConversationStore;
import loginbot.store.InMemoryStore;
import loginbot.web.Json;
import loginbot.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpsRoutesTest {
  private final Telemetry telemetry = new Telemetry();

  @AfterEach
  void closeTelemetry() {
    telemetry.close();
  }

  private Javalin server(ConversationStore store, Optional<String> metricsToken) {
    return server(store, metricsToken, () -> true);
  }

  private Javalin server(
      ConversationStore store, Optional<String> metricsToken, BooleanSupplier started) {
    return WebServer.create(
        Json.newMapper(), List.of(new OpsRoutes(telemetry, store, metricsToken, started)));
  }

  @Test
  void metrics_are_served_in_prometheus_text_format_with_jvm_metrics() {
    TestBot.serve(
        server(new InMemoryStore(Clock.systemUTC()), Optional.empty()),
        (server, client) -> {
          var response = client.get("/metrics");

          assertThat(response.code()).isEqualTo(200);
          assertThat(response.headers().get("Content-Type").get(0))
              .startsWith("text/plain; version=0.0.4");
          String body = response.body().string();
          assertThat(body)
              .contains(
                  "# TYPE jvm_memory_used_bytes gauge",
                  "jvm_gc_",
                  "jvm_threads_live_threads",
                  "jvm_classes_loaded_classes",
                  "process_uptime_seconds",
                  "system_cpu_count");
        });
  }

  @Test
  void with_a_metrics_token_a_scraper_must_present_it() {
    String token = "scrape-token-0123456789";
    TestBot.serve(
        server(new InMemoryStore(Clock.systemUTC()), Optional.of(token)),
        (server, client) -> {
          var anonymous = client.get("/metrics");
          var wrong =
              client.get("/metrics", r -> r.header("Authorization", "Bearer nope-nope-nope-nope"));
          var right = client.get("/metrics", r -> r.header("Authorization", "Bearer " + token));

          assertThat(anonymous.code()).isEqualTo(401);
          assertThat(wrong.code()).isEqualTo(401);
          assertThat(right.code()).isEqualTo(200);
          assertThat(right.body().string()).contains("jvm_memory_used_bytes");
        });
  }

  @Test
  void ready_answers_200_when_the_store_works() {
    TestBot.serve(
        server(new InMemoryStore(Clock.systemUTC()), Optional.empty()),
        (server, client) -> {
          var response = client.get("/ready");

          assertThat(response.code()).isEqualTo(200);
          assertThat(response.body().string()).contains("\"ready\"");
        });
  }

  @Test
  void ready_answers_503_until_start_up_is_done() {
    var started = new AtomicBoolean(false);
    TestBot.serve(
        server(new InMemoryStore(Clock.systemUTC()), Optional.empty(), started::get),
        (server, client) -> {
          var starting = client.get("/ready");
          started.set(true);
          var ready = client.get("/ready");

          assertThat(starting.code()).isEqualTo(503);
          assertThat(starting.body().string()).contains("starting");
          assertThat(ready.code()).isEqualTo(200);
        });
  }

  @Test
  void ready_answers_503_when_the_database_is_down_while_health_stays_up() {
    TestBot.serve(
        server(new DownStore(), Optional.empty()),
        (server, client) -> {
          var ready = client.get("/ready");
          var health = client.get("/health");

          assertThat(ready.code()).isEqualTo(503);
          assertThat(ready.headers().get("Retry-After")).containsExactly("5");
          assertThat(ready.body().string()).contains("unavailable");
          assertThat(health.code()).isEqualTo(200);
        });
  }
}
