package loginbot.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import loginbot.App;
import loginbot.Config;
import loginbot.channel.chatwoot.SignatureVerifier;
import loginbot.web.Json;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The attacks of the security review (#13, high 1) on the whole bot as it runs: a REST caller who
 * names another channel's conversation as its {@code sender} only ever reaches a REST conversation
 * of that name. Chatwoot's and the widget's conversations, their state, message ids and replies
 * stay as their own channel left them. One bot serves the tests of this class; each uses
 * conversations of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestIsolationTest {
  private static final String SECRET = "cw-webhook-secret";
  private static final String AGENT = "agent-token-0123456789abcdef";

  private final MockWebServer chatwoot = new MockWebServer();

  private final OkHttpClient http = new OkHttpClient();
  private Path dataDir;
  private App app;

  @BeforeAll
  void start() throws IOException {
    chatwoot.start();
    chatwoot.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().code(200).body("{}").build();
          }
        });
    dataDir = Files.createTempDirectory("loginbot-isolation-");
    app =
        App.start(
            Config.fromEnv(
                Map.of(
                    "PORT",
                    "0",
                    "DATA_DIR",
                    dataDir.toString(),
                    "AGENT_TOKENS",
                    "Alice:" + AGENT,
                    "SUPPORT_EMAIL",
                    "help@loginbot.test",
                    "CHATWOOT_BASE_URL",
                    chatwoot.url("/").toString(),
                    "CHATWOOT_API_TOKEN",
                    "bot-token",
                    "CHATWOOT_WEBHOOK_SECRET",
                    SECRET)));
  }

  @AfterAll
  void stop() throws IOException {
    app.close();
    chatwoot.close();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void a_rest_sender_named_like_a_chatwoot_conversation_cannot_touch_it() throws Exception {
    // given: a Chatwoot visitor in conversation 7 of account 1, message 43
    assertThat(chatwootVisitor(43, "I can't log in, it says invalid user or password"))
        .contains("processed");

    // when: a REST caller takes its id, asks for a person as a professional, pre-empts the
    // visitor's next message id, and replays the first one to read the bot's answer to it
    JsonNode takeover =
        rest(
            "{\"sender\":\"cw:1:7\",\"message\":\"I want to talk to a person\","
                + "\"metadata\":{\"role\":\"professional\",\"message_id\":\"message_created:44\"}}");
    JsonNode replay =
        rest(
            "{\"sender\":\"cw:1:7\",\"message\":\"hello\","
                + "\"metadata\":{\"message_id\":\"message_created:43\"}}");

    // then: the caller talked to a REST conversation of its own
    assertThat(takeover.get(0).get("recipient_id").asText()).isEqualTo("cw:1:7");
    assertThat(replay.toString()).doesNotContain("Invalid User");
    JsonNode visitor = agentView("cw:1:7");
    assertThat(visitor.get("channel").asText()).isEqualTo("chatwoot");
    assertThat(visitor.get("status").asText()).isEqualTo("bot");
    assertThat(visitor.get("role").asText()).isEqualTo("customer");
    assertThat(userLines(visitor))
        .containsExactly("I can't log in, it says invalid user or password");
    JsonNode attacker = agentView("rest:cw:1:7");
    assertThat(attacker.get("channel").asText()).isEqualTo("rest");
    assertThat(attacker.get("status").asText()).isEqualTo("handoff");

    // and the visitor's next message, id 44, is answered, with no handoff sent to Chatwoot
    assertThat(chatwootVisitor(44, "No")).contains("processed").doesNotContain("duplicate");
    List<RecordedRequest> calls = chatwootCalls(3);
    assertThat(calls)
        .extracting(RecordedRequest::getTarget)
        .allMatch(t -> t.equals("/api/v1/accounts/1/conversations/7/messages"));
  }

  @Test
  void a_rest_sender_named_like_a_widget_conversation_cannot_write_into_it() throws Exception {
    // given: a widget conversation
    JsonNode created = json(post("/widget/conversations", "{}", Map.of()));
    String id = created.get("id").asText();
    String token = created.get("token").asText();
    post(
        "/widget/conversations/" + id + "/messages",
        "{\"text\":\"I forgot my password\"}",
        Map.of("X-Widget-Token", token));
    JsonNode before = agentView(id);

    // when
    rest("{\"sender\":\"" + id + "\",\"message\":\"I want to talk to a person\"}");

    // then
    JsonNode after = agentView(id);
    assertThat(after.get("status").asText()).isEqualTo("bot");
    assertThat(after.get("transcript")).isEqualTo(before.get("transcript"));
    assertThat(agentView("rest:" + id).get("status").asText()).isEqualTo("handoff");
  }

  @Test
  void agents_still_open_a_rest_conversation_by_its_sender() throws Exception {
    rest("{\"sender\":\"alice-42\",\"message\":\"I want to talk to a person\"}");

    JsonNode bySender = agentView("alice-42");
    JsonNode byKey = agentView("rest:alice-42");

    assertThat(bySender.get("id").asText()).isEqualTo("rest:alice-42");
    assertThat(bySender.get("status").asText()).isEqualTo("handoff");
    assertThat(byKey).isEqualTo(bySender);
    Response reply =
        http.newCall(
                new Request.Builder()
                    .url(url("/api/conversations/alice-42/messages"))
                    .header("Authorization", "Bearer " + AGENT)
                    .post(
                        RequestBody.create(
                            "{\"text\":\"Hi, Sam here\"}", MediaType.get("application/json")))
                    .build())
            .execute();
    assertThat(reply.code()).isEqualTo(201);
    reply.close();
  }

  // --- the three kinds of callers ------------------------------------------------------------

  private String chatwootVisitor(long messageId, String text) throws IOException {
    ObjectNode tree;
    try (InputStream in =
        getClass().getResourceAsStream("/chatwoot/message_created_incoming.json")) {
      tree = (ObjectNode) Json.newMapper().readTree(in);
    }
    tree.put("id", messageId).put("content", text);
    byte[] body = Json.newMapper().writeValueAsBytes(tree);
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    Request request =
        new Request.Builder()
            .url(url("/webhooks/chatwoot"))
            .header("X-Chatwoot-Delivery", UUID.randomUUID().toString())
            .header("X-Chatwoot-Timestamp", timestamp)
            .header("X-Chatwoot-Signature", SignatureVerifier.sign(SECRET, timestamp, body))
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return response.body().string();
    }
  }

  private JsonNode rest(String body) throws IOException {
    return json(post("/webhooks/rest/webhook", body, Map.of()));
  }

  private JsonNode agentView(String id) throws IOException {
    Request request =
        new Request.Builder()
            .url(url("/api/conversations/" + id))
            .header("Authorization", "Bearer " + AGENT)
            .build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).as("GET /api/conversations/" + id).isEqualTo(200);
      return Json.newMapper().readTree(response.body().string());
    }
  }

  private String post(String path, String body, Map<String, String> headers) throws IOException {
    Request.Builder request =
        new Request.Builder()
            .url(url(path))
            .post(RequestBody.create(body, MediaType.get("application/json")));
    headers.forEach(request::header);
    try (Response response = http.newCall(request.build()).execute()) {
      String text = response.body().string();
      assertThat(response.code()).as(path + " " + text).isBetween(200, 201);
      return text;
    }
  }

  /** Waits for the outbox to deliver {@code count} calls, then a little longer for any more. */
  private List<RecordedRequest> chatwootCalls(int count) throws InterruptedException {
    List<RecordedRequest> calls = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (calls.size() < count && System.nanoTime() < deadline) {
      RecordedRequest r = chatwoot.takeRequest(500, java.util.concurrent.TimeUnit.MILLISECONDS);
      if (r != null) {
        calls.add(r);
      }
    }
    RecordedRequest extra;
    while ((extra = chatwoot.takeRequest(1500, java.util.concurrent.TimeUnit.MILLISECONDS))
        != null) {
      calls.add(extra);
    }
    assertThat(calls).hasSizeGreaterThanOrEqualTo(count);
    return calls;
  }

  private static List<String> userLines(JsonNode view) {
    List<String> lines = new ArrayList<>();
    view.get("transcript")
        .forEach(
            e -> {
              if (e.get("author").asText().equals("USER")) {
                lines.add(e.get("text").asText());
              }
            });
    return lines;
  }

  private static JsonNode json(String text) throws IOException {
    return Json.newMapper().readTree(text);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }
}
