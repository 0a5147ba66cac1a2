package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue and history over HTTP: bounded pages, cursors, views and filters, and bad input. */
class QueueApiTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());
  private final Consumer<HttpRequest.Builder> alice =
      b -> b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN);

  @AfterEach
  void stop() {
    server.close();
  }

  private List<String> handedOff(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      WidgetChannel.Created c = server.createConversation();
      server.seedHandedOff(c.id(), "locked out number " + i);
      ids.add(c.id());
    }
    return ids;
  }

  @Test
  void the_queue_comes_a_page_at_a_time_oldest_first_until_the_cursor_runs_out() {
    List<String> ids = handedOff(5);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          server.parse(
              server.get(
                  "/api/queue?view=all&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                  alice));
      page.get("items").forEach(item -> seen.add(item.get("id").asText()));
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      assertThat(page.get("counts").get("all").asInt()).isEqualTo(5);
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(ids);
  }

  @Test
  void the_plain_queue_array_is_bounded_and_names_the_next_page_in_a_header() {
    handedOff(3);

    var response = server.get("/api/conversations?limit=2", alice);

    assertThat(server.parse(response)).hasSize(2);
    assertThat(response.headers().firstValue("X-Next-Cursor")).isPresent();
  }

  @Test
  void bad_paging_and_filters_get_a_clear_400() {
    assertThat(server.get("/api/queue?limit=0", alice).statusCode()).isEqualTo(400);
    assertThat(server.get("/api/queue?limit=101", alice).statusCode()).isEqualTo(400);
    assertThat(server.get("/api/queue?view=theirs", alice).body())
        .contains("view must be mine, unassigned or all");
    assertThat(server.get("/api/queue?cursor=not-a-cursor", alice).body())
        .contains("cursor is not one this server gave");
    assertThat(server.get("/api/history?status=lost", alice).body())
        .contains("status must be one of bot, closed, handoff");
    assertThat(server.get("/api/history?from=yesterday", alice).body())
        .contains("from must be a date such as 2026-03-05");
    assertThat(server.get("/api/history?role=admin", alice).statusCode()).isEqualTo(400);
  }

  @Test
  void history_filters_by_text_status_and_agent_and_carries_each_episode_with_its_packet() {
    List<String> ids = handedOff(2);
    server.post("/api/conversations/" + ids.get(0) + "/messages", "{\"text\":\"On it\"}", alice);
    server.post("/api/conversations/" + ids.get(0) + "/close", "", alice);

    JsonNode closed = server.parse(server.get("/api/history?status=closed", alice));
    JsonNode byText = server.parse(server.get("/api/history?q=NUMBER%201", alice));
    JsonNode byAgent = server.parse(server.get("/api/history?agent=Alice", alice));
    JsonNode today =
        server.parse(
            server.get(
                "/api/history?from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC), alice));

    assertThat(closed.get("items")).hasSize(1);
    assertThat(closed.get("items").get(0).get("id").asText()).isEqualTo(ids.get(0));
    assertThat(
            closed.get("items").get(0).get("episodes").get(0).get("handoff").get("reason").asText())
        .isEqualTo("STEPS_EXHAUSTED");
    assertThat(closed.get("items").get(0).get("episodes").get(0).get("outcome").asText())
        .isEqualTo("closed_by_agent");
    assertThat(byText.get("items")).hasSize(1);
    assertThat(byText.get("items").get(0).get("id").asText()).isEqualTo(ids.get(1));
    assertThat(byAgent.get("items")).hasSize(1);
    assertThat(today.get("items")).hasSize(2);
  }
}
