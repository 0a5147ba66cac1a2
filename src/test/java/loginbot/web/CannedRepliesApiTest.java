package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import loginbot.channel.widget.WidgetServer;
import loginbot.store.CannedReplies;
import loginbot.store.JdbcStore;
import loginbot.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's canned replies over the agent API: listed, saved and deleted by signed-in agents, a
 * taken shortcut refused; and kept in the database across a restart.
 */
class CannedRepliesApiTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  private static void asAlice(HttpRequest.Builder b) {
    b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN);
  }

  private HttpResponse<String> save(String shortcut, String text) {
    return server.post(
        "/api/canned-replies",
        "{\"shortcut\": \"" + shortcut + "\", \"text\": \"" + text + "\"}",
        CannedRepliesApiTest::asAlice);
  }

  private JsonNode list() {
    return server.parse(server.get("/api/canned-replies", CannedRepliesApiTest::asAlice));
  }

  @Test
  void an_agent_saves_a_reply_the_team_then_lists_and_deletes() {
    // when
    HttpResponse<String> saved = save("reset-link", "Here is the **reset** link: https://x.test");

    // then
    assertThat(saved.statusCode()).isEqualTo(201);
    JsonNode all = list();
    assertThat(all).hasSize(1);
    assertThat(all.get(0).get("shortcut").asText()).isEqualTo("reset-link");
    assertThat(all.get(0).get("text").asText()).contains("**reset**");
    assertThat(all.get(0).get("createdBy").asText()).isEqualTo("Alice");

    int deleted =
        server
            .send(
                HttpRequest.newBuilder(server.uri("/api/canned-replies/reset-link"))
                    .header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN)
                    .DELETE()
                    .build())
            .statusCode();
    assertThat(deleted).isEqualTo(204);
    assertThat(list()).isEmpty();
    assertThat(
            server
                .send(
                    HttpRequest.newBuilder(server.uri("/api/canned-replies/reset-link"))
                        .header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN)
                        .DELETE()
                        .build())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void a_taken_shortcut_is_refused_and_the_first_text_stays() {
    save("hello", "Hello, I'm looking into it.");

    HttpResponse<String> again = save("hello", "Something else");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(list().get(0).get("text").asText()).isEqualTo("Hello, I'm looking into it.");
  }

  @Test
  void a_shortcut_that_cannot_be_typed_after_a_slash_is_refused_with_the_rule() {
    HttpResponse<String> spaced = save("reset link", "x");
    HttpResponse<String> upper = save("Reset", "x");
    HttpResponse<String> blank = save("blank", "   ");

    assertThat(spaced.statusCode()).isEqualTo(400);
    assertThat(spaced.body()).contains("lower-case letters, digits");
    assertThat(upper.statusCode()).isEqualTo(400);
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(list()).isEmpty();
  }

  @Test
  void without_an_agent_token_nothing_is_listed_or_saved() {
    assertThat(server.get("/api/canned-replies", b -> {}).statusCode()).isEqualTo(401);
    assertThat(server.post("/api/canned-replies", "{\"shortcut\":\"a\",\"text\":\"b\"}", b -> {}))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(401);
  }

  @Test
  void canned_replies_are_kept_in_the_database_across_a_restart(@TempDir Path dir) {
    Path file = dir.resolve("loginbot.db");
    Instant at = Instant.parse("2026-03-05T10:00:00Z");
    try (JdbcStore store = Stores.sqlite(file, Clock.systemUTC())) {
      assertThat(
              store
                  .cannedReplies()
                  .create(new CannedReplies.Canned("thanks", "Thank you!", "Alice", at)))
          .isTrue();
      assertThat(store.cannedReplies().create(new CannedReplies.Canned("thanks", "x", "Bob", at)))
          .isFalse();
    }
    try (JdbcStore reopened = Stores.sqlite(file, Clock.systemUTC())) {
      assertThat(reopened.cannedReplies().list())
          .containsExactly(new CannedReplies.Canned("thanks", "Thank you!", "Alice", at));
      assertThat(reopened.cannedReplies().delete("thanks")).isTrue();
      assertThat(reopened.cannedReplies().list()).isEmpty();
    }
  }
}
