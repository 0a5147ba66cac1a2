package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetServer;
import loginbot.store.TranscriptEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two agents, Alice and Bob, and who may act on a conversation one of them handles. */
class OwnershipApiTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());
  private final Consumer<HttpRequest.Builder> alice =
      b -> b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN);
  private final Consumer<HttpRequest.Builder> bob =
      b -> b.header("Authorization", "Bearer " + WidgetServer.BOB_TOKEN);

  @AfterEach
  void stop() {
    server.close();
  }

  private String handedOff() {
    WidgetChannel.Created c = server.createConversation();
    server.seedHandedOff(c.id(), "still locked out");
    return c.id();
  }

  @Test
  void an_agent_who_takes_a_conversation_is_shown_to_the_others_as_handling_it() {
    String id = handedOff();

    HttpResponse<String> took = server.post("/api/conversations/" + id + "/take", "", alice);
    JsonNode seenByBob = server.parse(server.get("/api/conversations/" + id, bob));

    assertThat(took.statusCode()).isEqualTo(200);
    assertThat(seenByBob.get("assignee").asText()).isEqualTo("Alice");
    assertThat(seenByBob.get("transcript").get(2).get("text").asText())
        .isEqualTo("Alice took the conversation");
  }

  @Test
  void replying_to_or_closing_someone_elses_conversation_is_refused_with_who_handles_it() {
    String id = handedOff();
    server.post("/api/conversations/" + id + "/take", "", alice);
    int lines = server.store.transcript(id, 0).size();

    HttpResponse<String> reply =
        server.post("/api/conversations/" + id + "/messages", "{\"text\":\"Bob here\"}", bob);
    HttpResponse<String> close = server.post("/api/conversations/" + id + "/close", "", bob);
    HttpResponse<String> back = server.post("/api/conversations/" + id + "/handback", "", bob);
    HttpResponse<String> take = server.post("/api/conversations/" + id + "/take", "", bob);

    assertThat(java.util.List.of(reply, close, back, take))
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(409);
              assertThat(server.parse(r).get("error").asText())
                  .isEqualTo("handled_by_another_agent");
              assertThat(server.parse(r).get("message").asText())
                  .startsWith("Alice is handling conversation " + id + ": take it over to");
            });
    assertThat(server.parse(reply).get("message").asText()).endsWith("take it over to reply to it");
    assertThat(server.store.transcript(id, 0)).hasSize(lines);
    assertThat(server.store.find(id).orElseThrow().assignee()).isEqualTo("Alice");
  }

  @Test
  void a_take_over_lets_another_agent_reply_and_the_transcript_says_who_took_it_from_whom() {
    String id = handedOff();
    server.post("/api/conversations/" + id + "/take", "", alice);

    HttpResponse<String> reply =
        server.post(
            "/api/conversations/" + id + "/messages?takeOver=true",
            "{\"text\":\"Bob here, I can help\"}",
            bob);

    assertThat(reply.statusCode()).isEqualTo(201);
    assertThat(server.parse(reply).get("assignee").asText()).isEqualTo("Bob");
    var lines = server.store.transcript(id, 3);
    assertThat(lines)
        .extracting(TranscriptEntry::author, TranscriptEntry::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                TranscriptEntry.Author.SYSTEM, "Bob took the conversation over from Alice"),
            org.assertj.core.groups.Tuple.tuple(
                TranscriptEntry.Author.AGENT, "Bob here, I can help"));
  }

  @Test
  void replying_to_an_unassigned_conversation_makes_it_yours() {
    String id = handedOff();

    server.post("/api/conversations/" + id + "/messages", "{\"text\":\"Hello\"}", alice);

    assertThat(server.store.find(id).orElseThrow().assignee()).isEqualTo("Alice");
    assertThat(server.parse(server.get("/api/queue?view=mine", alice)).get("items")).hasSize(1);
    assertThat(server.parse(server.get("/api/queue?view=mine", bob)).get("items")).isEmpty();
  }

  @Test
  void an_agent_assigns_a_conversation_to_a_named_agent_and_unknown_names_are_refused() {
    String id = handedOff();

    HttpResponse<String> assigned =
        server.post("/api/conversations/" + id + "/assign", "{\"agent\":\"Bob\"}", alice);
    HttpResponse<String> unknown =
        server.post("/api/conversations/" + id + "/assign", "{\"agent\":\"Zoe\"}", bob);
    HttpResponse<String> released =
        server.post("/api/conversations/" + id + "/assign", "{\"agent\":null}", bob);

    assertThat(assigned.statusCode()).isEqualTo(200);
    assertThat(server.parse(assigned).get("assignee").asText()).isEqualTo("Bob");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(server.parse(unknown).get("message").asText())
        .isEqualTo("no agent is called Zoe; agents: Alice, Bob");
    assertThat(released.statusCode()).isEqualTo(200);
    assertThat(server.parse(released).get("assignee").isNull()).isTrue();
    assertThat(server.parse(server.get("/api/agents", bob)).get("names").toString())
        .isEqualTo("[\"Alice\",\"Bob\"]");
  }

  @Test
  void closing_a_conversation_clears_its_assignee() {
    String id = handedOff();
    server.post("/api/conversations/" + id + "/take", "", alice);

    HttpResponse<String> closed = server.post("/api/conversations/" + id + "/close", "", alice);

    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(server.parse(closed).get("assignee").isNull()).isTrue();
    assertThat(server.parse(closed).get("status").asText()).isEqualTo("closed");
  }
}
