package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.channel.ConversationService;
import loginbot.delivery.Backoff;
import loginbot.delivery.ChatwootDeliverer;
import loginbot.delivery.ChatwootOutput;
import loginbot.delivery.OutboxDispatcher;
import loginbot.delivery.Outputs;
import loginbot.dialogue.Status;
import loginbot.store.InMemoryStore;
import loginbot.web.AgentAuth;
import loginbot.web.ConversationsApi;
import loginbot.web.Json;
import loginbot.web.WebServer;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Whole conversations at the wire: Chatwoot's signed webhooks in, the real dialogue, and the API
 * calls a MockWebServer standing in for Chatwoot receives through the outbox.
 */
class ChatwootConversationTest {
  private static final String SECRET = "cw-webhook-secret";
  private static final ObjectMapper JSON = Json.newMapper();

  @StartStop final MockWebServer chatwoot = new MockWebServer();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-17T08:15:03Z"));
  private final InMemoryStore store = new InMemoryStore(clock);
  private final ChatwootOutbox outbox = new ChatwootOutbox(JSON, OptionalLong.of(3));
  private final ConversationService service =
      TestBot.builder()
          .clock(clock)
          .store(store)
          .outputs(Outputs.none().with(ChatwootWebhook.CHANNEL, new ChatwootOutput(outbox)))
          .build()
          .service;
  private final List<String> recording = new ArrayList<>();
  private OutboxDispatcher dispatcher;
  private WebhookClient visitor;
  private int port;
  private static final String AGENT_TOKEN = "alice-console-token-0123456789";

  private void run(ConversationScript script) {
    chatwoot.setDispatcher(new ScriptedChatwoot());
    var client =
        new ChatwootClient(
            ChatwootClient.defaultHttpClient(), chatwoot.url("/"), "bot-token", JSON);
    dispatcher =
        new OutboxDispatcher(
            store, List.of(new ChatwootDeliverer(client, outbox)), clock, Backoff.standard());
    var webhook =
        new ChatwootWebhook(
            service, JSON, Optional.of(new SignatureVerifier(SECRET, clock)), "role");
    var console = new ConversationsApi(service, store, new AgentAuth(Map.of(AGENT_TOKEN, "Alice")));
    Javalin app = WebServer.create(JSON, List.of(webhook, console));
    TestBot.serve(
        app,
        (server, ignored) -> {
          port = server.port();
          visitor = new WebhookClient(server.port(), SECRET, clock);
          script.run();
        });
  }

  /** An action in loginbot's own agent console, over HTTP. */
  private int console(String path, String body) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + AGENT_TOKEN)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build();
    return java.net.http.HttpClient.newHttpClient()
        .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void a_reply_from_loginbot_s_console_is_sent_to_the_chatwoot_conversation() {
    run(
        () -> {
          says(43, "I want to talk to a human");
          assertThat(deliver()).hasSize(5);

          int status =
              console(
                  "/api/conversations/cw:1:7/messages", "{\"text\":\"Hello from the console\"}");

          assertThat(status).isEqualTo(201);
          List<RecordedRequest> sent = deliverRaw();
          assertThat(sent).hasSize(1);
          assertThat(sent.get(0).getTarget())
              .isEqualTo("/api/v1/accounts/1/conversations/7/messages");
          JsonNode body = JSON.readTree(sent.get(0).getBody().utf8());
          assertThat(body.get("content").asText()).isEqualTo("Hello from the console");
          assertThat(body.get("private").asBoolean()).isFalse();
        });
  }

  @Test
  void a_hand_back_and_a_close_from_the_console_change_the_chatwoot_conversation_too() {
    run(
        () -> {
          says(43, "I want to talk to a human");
          deliver();

          assertThat(console("/api/conversations/cw:1:7/handback", "")).isEqualTo(200);
          List<RecordedRequest> handedBack = deliverRaw();
          says(50, "I want to talk to a human");
          deliver();
          assertThat(console("/api/conversations/cw:1:7/close", "")).isEqualTo(200);
          List<RecordedRequest> closed = deliverRaw();

          assertThat(handedBack)
              .extracting(r -> r.getTarget().replaceAll(".*/", ""))
              .containsExactly("messages", "toggle_status");
          assertThat(handedBack.get(1).getBody().utf8()).isEqualTo("{\"status\":\"pending\"}");
          assertThat(closed)
              .extracting(r -> r.getTarget().replaceAll(".*/", ""))
              .containsExactly("messages", "messages", "toggle_status");
          assertThat(closed.get(2).getBody().utf8()).isEqualTo("{\"status\":\"resolved\"}");
          assertThat(console("/api/conversations/cw:1:7/close", "")).isEqualTo(409);
        });
  }

  /** A test body that talks to the running app. */
  @FunctionalInterface
  interface ConversationScript {
    void run() throws Exception;
  }

  @Test
  void visitor_question_is_answered_with_a_step_and_yes_no_options() {
    run(
        () -> {
          // when
          String answer = says(43, "I can't log in, it says invalid user or password");

          // then: Chatwoot got its 200 before any call back to it
          assertThat(answer)
              .isEqualTo("{\"result\":\"processed\",\"reason\":\"conversation is bot\"}");
          assertThat(chatwoot.getRequestCount()).isZero();
          List<JsonNode> sent = deliver();
          assertThat(sent).hasSize(2);
          assertThat(sent.get(0).get("content").asText()).contains("Invalid User / password");
          assertThat(sent.get(0).get("content_type").asText()).isEqualTo("text");
          assertThat(sent.get(1).toString())
              .isEqualTo(
                  "{\"content\":\"Did that work?\",\"message_type\":\"outgoing\","
                      + "\"private\":false,\"content_type\":\"input_select\",\"content_attributes\":{\"items\":"
                      + "[{\"title\":\"Yes\",\"value\":\"/yes\"},{\"title\":\"No\",\"value\":\"/no\"}]}}");
        });
  }

  @Test
  void option_picked_in_the_widget_moves_to_the_next_step() {
    run(
        () -> {
          says(43, "I can't log in, it says invalid user or password");
          deliver();

          // when: the visitor clicks "No" on our input_select (Chatwoot sends message_updated)
          String answer = picks(44, "No", "/no");

          // then
          assertThat(answer).contains("processed");
          List<JsonNode> sent = deliver();
          assertThat(sent.get(0).get("content").asText()).contains("Forgot password?");
          assertThat(sent.get(1).get("content_type").asText()).isEqualTo("input_select");
        });
  }

  @Test
  void steps_that_do_not_help_end_in_a_handoff_delivered_in_order() throws IOException {
    run(
        () -> {
          // given
          says(43, "I can't log in, it says invalid user or password");
          deliver();
          picks(44, "No", "/no");
          deliver();
          picks(46, "No", "/no");
          deliver();

          // when
          picks(48, "No", "/no");
          List<RecordedRequest> handoff = deliverRaw();

          // then
          assertThat(handoff)
              .extracting(RecordedRequest::getTarget)
              .containsExactly(
                  "/api/v1/accounts/1/conversations/7/messages",
                  "/api/v1/accounts/1/conversations/7/messages",
                  "/api/v1/accounts/1/conversations/7/custom_attributes",
                  "/api/v1/accounts/1/conversations/7/assignments",
                  "/api/v1/accounts/1/conversations/7/toggle_status");
          List<JsonNode> bodies = bodies(handoff);
          assertThat(bodies.get(0).get("content").asText())
              .startsWith("I'm passing you to a person");
          assertThat(bodies.get(0).get("private").asBoolean()).isFalse();
          assertThat(bodies.get(1).get("private").asBoolean()).isTrue();
          assertThat(bodies.get(1).get("content").asText())
              .startsWith("**Bot handoff:** the help-center steps did not solve it.")
              .contains(
                  "- **Role:** customer", "- **Case:** invalid\\_credentials", "**Steps tried**");
          assertThat(bodies.get(2).toString())
              .isEqualTo(
                  "{\"custom_attributes\":{\"plan\":\"premium\","
                      + "\"bot_case\":\"invalid_credentials\",\"bot_role\":\"customer\",\"bot_language\":\"en\","
                      + "\"bot_handoff_reason\":\"steps_exhausted\"}}");
          assertThat(bodies.get(3).toString()).isEqualTo("{\"team_id\":3}");
          assertThat(bodies.get(4).toString()).isEqualTo("{\"status\":\"open\"}");
          assertThat(store.find("cw:1:7").orElseThrow().state().status()).isEqualTo(Status.HANDOFF);
          // the widget's websocket credential in every payload never travels further
          assertThat(
                  String.join("\n", recording)
                      + store.transcript("cw:1:7", 0)
                      + store.find("cw:1:7"))
              .doesNotContain("pubsub-SECRET");
        });
    Path file = Path.of("target", "chatwoot-handoff-recording.md");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "# One Chatwoot conversation ending in a handoff, at the wire\n\n"
            + "Recorded by ChatwootConversationTest: signed webhooks in (←), the requests MockWebServer received "
            + "(→), every one with `Api-Access-Token: <bot token>`.\n\n"
            + String.join("\n", recording)
            + "\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void bot_is_silent_after_handoff_and_answers_again_once_pending() {
    run(
        () -> {
          // given: handed off, and Chatwoot opened the conversation
          says(43, "I want to talk to a human");
          assertThat(deliver()).hasSize(5);
          assertThat(deliver(Fixtures.bytes("conversation_status_changed_open.json")))
              .contains("ignored");

          // when: the visitor writes while Chatwoot is still pending (our toggle not yet through)
          // and once open
          String whilePending = says(49, "hello?");
          String whileOpen =
              deliver(
                  withIdAndText(
                      Fixtures.tree("message_created_human_owned.json"), 50, "still there?"));

          // then
          assertThat(whilePending).contains("processed").contains("handoff");
          assertThat(whileOpen).contains("ignored");
          assertThat(deliver()).isEmpty();

          // when: an agent sets the conversation back to pending (Chatwoot announces it twice)
          String back = deliver(Fixtures.bytes("conversation_status_changed_pending.json"));
          ObjectNode updated = Fixtures.tree("conversation_status_changed_pending.json");
          updated.put("event", "conversation_updated");
          String backAgain = deliver(Fixtures.bytes(updated));

          // then: one "you're back" with the main problems as options
          assertThat(back)
              .isEqualTo("{\"result\":\"handed_back\",\"reason\":\"the bot answers again\"}");
          assertThat(backAgain).contains("ignored").contains("not handed off");
          List<JsonNode> sent = deliver();
          assertThat(sent).hasSize(1);
          assertThat(sent.get(0).get("content").asText())
              .startsWith("You're back with the login assistant");
          assertThat(sent.get(0).get("content_attributes").get("items").get(0).toString())
              .isEqualTo(
                  "{\"title\":\"Invalid user / password\",\"value\":\"/case invalid_credentials\"}");

          // when
          String afterwards = picks(52, "Invalid user / password", "/case invalid_credentials");

          // then
          assertThat(afterwards).contains("processed");
          assertThat(deliver()).isNotEmpty();
        });
  }

  @Test
  void redelivered_message_is_answered_once() {
    run(
        () -> {
          byte[] body = message(43, "I can't log in, it says invalid user or password");

          // when: Chatwoot retries with the same delivery id, and duplicates it with a new one
          // (#11901)
          String first = visitor.deliver(body, "delivery-1").body();
          String retry = visitor.deliver(body, "delivery-1").body();
          String duplicate = visitor.deliver(body, "delivery-2").body();

          // then
          assertThat(first).contains("processed");
          assertThat(retry)
              .isEqualTo("{\"result\":\"duplicate\",\"reason\":\"delivery already received\"}");
          assertThat(duplicate)
              .isEqualTo("{\"result\":\"duplicate\",\"reason\":\"message already processed\"}");
          assertThat(deliver()).hasSize(2);
        });
  }

  @Test
  void professional_from_the_contact_attribute_gets_the_professional_answer() {
    run(
        () -> {
          ObjectNode tree =
              withIdAndText(
                  Fixtures.tree("message_created_incoming.json"),
                  43,
                  "I can't log in, it says invalid user or password");
          ((ObjectNode) tree.at("/sender/custom_attributes")).put("role", "professional");

          deliver(tree);

          assertThat(store.find("cw:1:7").orElseThrow().state().role()).hasToString("PROFESSIONAL");
          assertThat(deliver().get(0).get("content").asText()).isNotEqualTo(customerFirstAnswer());
        });
  }

  private String customerFirstAnswer() {
    var service = TestBot.builder().clock(clock).build().service;
    return service
        .handle(
            new loginbot.channel.InboundMessage(
                "chatwoot",
                "x",
                null,
                "I can't log in, it says invalid user or password",
                Optional.of(loginbot.dialogue.Role.CUSTOMER),
                Optional.empty()))
        .replies()
        .get(0)
        .text();
  }

  // --- the visitor's side: Chatwoot v4.13 webhooks
  // -------------------------------------------------

  private String says(long messageId, String text) throws IOException {
    return deliver(message(messageId, text));
  }

  private byte[] message(long messageId, String text) {
    return Fixtures.bytes(
        withIdAndText(Fixtures.tree("message_created_incoming.json"), messageId, text));
  }

  private static ObjectNode withIdAndText(ObjectNode tree, long messageId, String text) {
    tree.put("id", messageId).put("content", text);
    ObjectNode latest = (ObjectNode) tree.at("/conversation/messages/0");
    latest.put("id", messageId).put("content", text).put("processed_message_content", text);
    return tree;
  }

  private String picks(long botMessageId, String title, String value) throws IOException {
    ObjectNode tree = Fixtures.tree("message_updated_submitted.json");
    tree.put("id", botMessageId);
    ObjectNode picked =
        ((ObjectNode) tree.get("content_attributes")).putArray("submitted_values").addObject();
    picked.put("title", title).put("value", value);
    return deliver(tree);
  }

  private String deliver(ObjectNode tree) throws IOException {
    return deliver(Fixtures.bytes(tree));
  }

  private String deliver(byte[] body) throws IOException {
    JsonNode event = JSON.readTree(body);
    String what =
        event.path("event").asText()
            + " #"
            + event.path("id").asText()
            + (event.has("content") ? ": " + event.path("content") : "")
            + (event.at("/content_attributes/submitted_values").isArray()
                ? " submitted_values=" + event.at("/content_attributes/submitted_values")
                : "")
            + (event.has("changed_attributes")
                ? " changed_attributes=" + event.get("changed_attributes")
                : "");
    var answer = visitor.deliver(body);
    recording.add("← webhook " + what + "  ⇒ HTTP " + answer.code() + " " + answer.body());
    return answer.body();
  }

  // --- Chatwoot's side: what the outbox delivered ------------------------------------------------

  private List<JsonNode> deliver() throws Exception {
    return bodies(deliverRaw());
  }

  private List<RecordedRequest> deliverRaw() throws InterruptedException {
    int before = chatwoot.getRequestCount();
    dispatcher.deliverDue();
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = before; i < chatwoot.getRequestCount(); i++) {
      RecordedRequest r = chatwoot.takeRequest();
      assertThat(r.getHeaders().get("Api-Access-Token")).isEqualTo("bot-token");
      recording.add("→ " + r.getMethod() + " " + r.getTarget() + "\n  " + r.getBody().utf8());
      requests.add(r);
    }
    return requests;
  }

  private static List<JsonNode> bodies(List<RecordedRequest> requests) throws IOException {
    List<JsonNode> bodies = new ArrayList<>();
    for (RecordedRequest r : requests) {
      bodies.add(JSON.readTree(r.getBody().utf8()));
    }
    return bodies;
  }
}
