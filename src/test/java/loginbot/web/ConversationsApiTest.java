package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import loginbot.channel.InboundMessage;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetServer;
import loginbot.store.TranscriptEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationsApiTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void without_a_valid_token_the_api_answers_401_and_reveals_nothing() {
    WidgetChannel.Created c = server.createConversation();
    server.seedHandedOff(c.id(), "marie.dupont cannot log in");

    List<HttpResponse<String>> responses =
        List.of(
            server.get("/api/me", b -> {}),
            server.get(
                "/api/conversations",
                b -> b.header("Authorization", "Bearer wrong-token-0123456789")),
            server.get("/api/conversations/" + c.id(), b -> {}),
            server.post(
                "/api/conversations/" + c.id() + "/messages", "{\"text\":\"hi\"}", b -> {}));

    assertThat(responses)
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(401);
              assertThat(r.body()).doesNotContain("marie").doesNotContain(c.id());
            });
    assertThat(server.store.transcript(c.id(), 0)).hasSize(2);
  }

  @Test
  void the_token_tells_which_agent_is_signed_in() {
    HttpResponse<String> me =
        server.get("/api/me", b -> b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN));

    assertThat(server.parse(me).get("name").asText()).isEqualTo("Alice");
  }

  @Test
  void the_queue_lists_handed_off_conversations_with_their_packet() {
    WidgetChannel.Created c = server.createConversation();
    server.seedHandedOff(c.id(), "still locked out");

    JsonNode queue = server.parse(server.get("/api/conversations", this::signedIn));

    assertThat(queue).hasSize(1);
    assertThat(queue.get(0).get("id").asText()).isEqualTo(c.id());
    assertThat(queue.get(0).get("handoff").get("reason").asText()).isEqualTo("STEPS_EXHAUSTED");
    assertThat(queue.get(0).get("role").asText()).isEqualTo("customer");
  }

  @Test
  void an_agent_reply_is_stored_under_the_agents_name() {
    WidgetChannel.Created c = server.createConversation();
    server.seedHandedOff(c.id(), "still locked out");

    HttpResponse<String> response =
        server.post(
            "/api/conversations/" + c.id() + "/messages",
            "{\"text\":\"Hi, Alice here. Which e-mail do you log in with?\"}",
            this::signedIn);

    assertThat(response.statusCode()).isEqualTo(201);
    TranscriptEntry last = server.store.transcript(c.id(), 2).get(0);
    assertThat(last.author()).isEqualTo(TranscriptEntry.Author.AGENT);
    assertThat(last.name()).isEqualTo("Alice");
    assertThat(last.text()).isEqualTo("Hi, Alice here. Which e-mail do you log in with?");
    assertThat(server.parse(response).get("transcript")).hasSize(3);
  }

  @Test
  void replies_go_only_to_existing_handed_off_conversations() {
    WidgetChannel.Created c = server.createConversation();

    HttpResponse<String> unknown =
        server.post(
            "/api/conversations/" + c.id() + "/messages", "{\"text\":\"hello\"}", this::signedIn);
    HttpResponse<String> blank =
        server.post(
            "/api/conversations/" + c.id() + "/messages", "{\"text\":\"  \"}", this::signedIn);

    assertThat(unknown.statusCode()).isEqualTo(409);
    assertThat(unknown.body()).contains("does not exist (it was deleted, or never started)");
    assertThat(blank.statusCode()).isEqualTo(400);
  }

  @Test
  void handing_back_a_conversation_the_bot_owns_is_refused_with_a_reason_and_changes_nothing() {
    WidgetChannel.Created c = server.createConversation();
    server.conversations.handle(
        new InboundMessage(
            "widget", c.id(), null, "my account is disabled", Optional.empty(), Optional.empty()));
    var before = server.store.find(c.id()).orElseThrow();
    int lines = server.store.transcript(c.id(), 0).size();

    HttpResponse<String> back =
        server.post("/api/conversations/" + c.id() + "/handback", "", this::signedIn);

    assertThat(back.statusCode()).isEqualTo(409);
    assertThat(server.parse(back).get("error").asText()).isEqualTo("conflict");
    assertThat(server.parse(back).get("message").asText())
        .isEqualTo(
            "conversation "
                + c.id()
                + " is bot: only a conversation handed off to humans can go back");
    assertThat(server.store.find(c.id()).orElseThrow()).isEqualTo(before);
    assertThat(server.store.transcript(c.id(), 0)).hasSize(lines);
  }

  @Test
  void a_second_close_is_refused_and_the_closing_messages_are_not_repeated() {
    WidgetChannel.Created c = server.createConversation();
    server.seedHandedOff(c.id(), "still locked out");
    HttpResponse<String> first =
        server.post("/api/conversations/" + c.id() + "/close", "", this::signedIn);
    int lines = server.store.transcript(c.id(), 0).size();

    HttpResponse<String> second =
        server.post("/api/conversations/" + c.id() + "/close", "", this::signedIn);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains("is closed: closing it again would repeat");
    assertThat(server.store.transcript(c.id(), 0)).hasSize(lines);
  }

  @Test
  void a_reply_to_a_deleted_conversation_is_refused_and_nothing_is_created() {
    WidgetChannel.Created c = server.createConversation();
    server.seedHandedOff(c.id(), "still locked out");
    server.send(
        java.net.http.HttpRequest.newBuilder(server.uri("/api/conversations/" + c.id()))
            .header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN)
            .DELETE()
            .build());

    HttpResponse<String> reply =
        server.post(
            "/api/conversations/" + c.id() + "/messages", "{\"text\":\"hello?\"}", this::signedIn);

    assertThat(reply.statusCode()).isEqualTo(409);
    assertThat(reply.body()).contains("was deleted");
    assertThat(server.store.find(c.id())).isEmpty();
  }

  @Test
  void after_a_hand_back_the_conversation_still_shows_the_episode_s_packet() {
    WidgetChannel.Created c = server.createConversation();
    server.seedHandedOff(c.id(), "still locked out");

    server.post("/api/conversations/" + c.id() + "/handback", "", this::signedIn);
    JsonNode view = server.parse(server.get("/api/conversations/" + c.id(), this::signedIn));

    assertThat(view.get("status").asText()).isEqualTo("bot");
    assertThat(view.get("handoff").get("reason").asText()).isEqualTo("STEPS_EXHAUSTED");
    assertThat(view.get("episodes")).hasSize(1);
    assertThat(view.get("episodes").get(0).get("outcome").asText()).isEqualTo("handed_off");
    assertThat(view.get("episodes").get(0).get("agent").asText()).isEqualTo("Alice");
  }

  @Test
  void the_console_page_is_static_and_carries_no_conversation_data() {
    WidgetChannel.Created c = server.createConversation();
    server.seedHandedOff(c.id(), "marie.dupont cannot log in");

    HttpResponse<String> page = server.get("/agent", b -> {});

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).doesNotContain("marie").doesNotContain(c.id());
  }

  private void signedIn(java.net.http.HttpRequest.Builder b) {
    b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN);
  }
}
