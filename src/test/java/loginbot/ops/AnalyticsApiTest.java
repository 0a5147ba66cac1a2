package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.nlu.Language;
import loginbot.store.InMemoryStore;
import loginbot.web.AgentAuth;
import loginbot.web.Json;
import loginbot.web.WebServer;
import org.junit.jupiter.api.Test;

class AnalyticsApiTest {
  private static final String TOKEN = "agent-token-0123456789";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T00:00:00Z"));
  private final InMemoryStore store = new InMemoryStore(clock);
  private final Conversations conversations = new Conversations(store, clock);

  private Javalin server() {
    var api =
        new AnalyticsApi(new Analytics(store, clock), new AgentAuth(Map.of(TOKEN, "alice")), clock);
    return WebServer.create(Json.newMapper(), List.of(api));
  }

  private void seed() {
    conversations
        .start("a", "rest", Language.EN)
        .user(Instant.parse("2026-03-03T09:00:00Z"), "what is the weather", "out_of_scope", false)
        .user(Instant.parse("2026-03-03T09:01:00Z"), "what is the weather", "out_of_scope", false)
        .user(Instant.parse("2026-03-03T09:02:00Z"), "is the app free", "out_of_scope", false)
        .end(Instant.parse("2026-03-03T09:02:00Z"));
    clock.set(Instant.parse("2026-03-05T00:00:00Z"));
  }

  @Test
  void the_page_is_served_to_anyone_and_holds_no_data_itself() {
    TestBot.serve(
        server(),
        (server, client) -> {
          var page = client.get("/agent/analytics");
          var script = client.get("/analytics.js");

          assertThat(page.code()).isEqualTo(200);
          assertThat(page.headers().get("Content-Type").get(0)).startsWith("text/html");
          assertThat(page.body().string())
              .contains("<script src=\"/analytics.js\"", "id=\"not-understood\"");
          assertThat(script.body().string()).contains("LoginbotConsole", "/api/analytics");
          assertThat(client.get("/analytics-charts.js").body().string())
              .contains("createElementNS");
        });
  }

  @Test
  void analytics_need_an_agent_token() {
    TestBot.serve(
        server(),
        (server, client) -> {
          assertThat(client.get("/api/analytics").code()).isEqualTo(401);
          assertThat(client.get("/api/analytics/not-understood.tsv").code()).isEqualTo(401);
        });
  }

  @Test
  void the_report_covers_the_last_seven_days_by_default() throws Exception {
    seed();
    TestBot.serve(
        server(),
        (server, client) -> {
          var response =
              client.get("/api/analytics", r -> r.header("Authorization", "Bearer " + TOKEN));

          assertThat(response.code()).isEqualTo(200);
          JsonNode report = Json.newMapper().readTree(response.body().string());
          assertThat(report.get("from").asText()).isEqualTo("2026-02-26T00:00:00Z");
          assertThat(report.get("to").asText()).isEqualTo("2026-03-05T00:00:00Z");
          assertThat(report.get("chats").asInt()).isEqualTo(1);
          assertThat(report.get("notUnderstood").get(0).get("text").asText())
              .isEqualTo("what is the weather");
          assertThat(report.get("notUnderstood").get(0).get("count").asInt()).isEqualTo(2);
          assertThat(report.get("resolutionRate").asDouble()).isZero();
        });
  }

  @Test
  void dates_select_a_period_and_bad_ones_are_refused_with_a_reason() {
    seed();
    TestBot.serve(
        server(),
        (server, client) -> {
          var empty =
              client.get(
                  "/api/analytics?from=2026-03-04&to=2026-03-05",
                  r -> r.header("Authorization", "Bearer " + TOKEN));
          var reversed =
              client.get(
                  "/api/analytics?from=2026-03-05&to=2026-03-04",
                  r -> r.header("Authorization", "Bearer " + TOKEN));
          var garbage =
              client.get(
                  "/api/analytics?from=yesterday",
                  r -> r.header("Authorization", "Bearer " + TOKEN));

          assertThat(Json.newMapper().readTree(empty.body().string()).get("chats").asInt())
              .isZero();
          assertThat(reversed.code()).isEqualTo(400);
          assertThat(reversed.body().string()).contains("'from' must be before 'to'");
          assertThat(garbage.code()).isEqualTo(400);
          assertThat(garbage.body().string()).contains("'from' must be a date");
        });
  }

  @Test
  void the_tsv_export_is_a_download_of_label_tab_text_lines() {
    seed();
    TestBot.serve(
        server(),
        (server, client) -> {
          var response =
              client.get(
                  "/api/analytics/not-understood.tsv?from=2026-03-01&to=2026-03-08",
                  r -> r.header("Authorization", "Bearer " + TOKEN));
          var blank =
              client.get(
                  "/api/analytics/not-understood.tsv?label=",
                  r -> r.header("Authorization", "Bearer " + TOKEN));
          var badLabel =
              client.get(
                  "/api/analytics/not-understood.tsv?label=Not%20a%20label",
                  r -> r.header("Authorization", "Bearer " + TOKEN));

          assertThat(response.code()).isEqualTo(200);
          assertThat(response.headers().get("Content-Type").get(0))
              .startsWith("text/tab-separated-values");
          assertThat(response.headers().get("Content-Disposition").get(0))
              .isEqualTo("attachment; filename=\"not-understood-2026-03-01-2026-03-08.tsv\"");
          assertThat(response.body().string())
              .isEqualTo("out_of_scope\twhat is the weather\nout_of_scope\tis the app free\n");
          assertThat(blank.body().string()).isEqualTo("\twhat is the weather\n\tis the app free\n");
          assertThat(badLabel.code()).isEqualTo(400);
        });
  }

  @Test
  void cells_a_spreadsheet_would_run_as_formulas_are_exported_as_text() {
    Instant at = Instant.parse("2026-03-03T09:00:00Z");
    conversations
        .start("f", "rest", Language.EN)
        .user(at, "=HYPERLINK(\"http://evil.example\",\"help\")", "out_of_scope", false)
        .user(at.plusSeconds(1), "+1 555 0100 call me", "out_of_scope", false)
        .user(at.plusSeconds(2), "-2+3", "out_of_scope", false)
        .user(at.plusSeconds(3), "@SUM(1+1)", "out_of_scope", false)
        .user(at.plusSeconds(4), "\t=1+1", "out_of_scope", false)
        .user(at.plusSeconds(5), "a = b is fine", "out_of_scope", false)
        .end(at.plusSeconds(5));
    clock.set(Instant.parse("2026-03-05T00:00:00Z"));
    TestBot.serve(
        server(),
        (server, client) -> {
          String tsv =
              client
                  .get(
                      "/api/analytics/not-understood.tsv?from=2026-03-01&to=2026-03-08",
                      r -> r.header("Authorization", "Bearer " + TOKEN))
                  .body()
                  .string();

          assertThat(tsv.lines().map(l -> l.substring(l.indexOf('\t') + 1)))
              .containsExactlyInAnyOrder(
                  "'=HYPERLINK(\"http://evil.example\",\"help\")",
                  "'+1 555 0100 call me",
                  "'-2+3",
                  "'@SUM(1+1)",
                  "'=1+1",
                  "a = b is fine");
        });
  }
}
