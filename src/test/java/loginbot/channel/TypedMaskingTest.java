package loginbot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loginbot.TestBot;
import loginbot.channel.rest.RestChannel;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetSettings;
import loginbot.dialogue.MaskingCorpus;
import loginbot.dialogue.MaskingCorpus.Entry;
import loginbot.ops.Analytics;
import loginbot.ops.AnalyticsApi;
import loginbot.store.ConversationKey;
import loginbot.store.InMemoryStore;
import loginbot.web.AgentAuth;
import loginbot.web.AllowedOrigins;
import loginbot.web.ConversationsApi;
import loginbot.web.Json;
import loginbot.web.Requests;
import loginbot.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every share of the masking corpus typed on the REST webhook and in the widget, then handed to a
 * person: no secret reaches the transcript, the handoff packet or the not-understood export, as an
 * agent reads them through the API.
 */
class TypedMaskingTest {
  private static final String AGENT = "agent-token-0123456789";
  private static final String CONTEXT = "I get Invalid User / password";
  private static final String HUMAN = "talk to a person";

  private final ObjectMapper json = Json.newMapper();
  private final InMemoryStore store = new InMemoryStore(Clock.systemUTC());
  private final ConversationService service =
      TestBot.builder().clock(Clock.systemUTC()).store(store).build().service;
  private final WidgetChannel widget =
      new WidgetChannel(
          service,
          store,
          new Requests(json),
          WidgetSettings.of(
              AllowedOrigins.sameOriginOnly(),
              "a-widget-key-long-enough-for-hmac-0123456789".getBytes(StandardCharsets.UTF_8)));
  private final AgentAuth agents = new AgentAuth(Map.of(AGENT, "Alice"));
  private final Javalin app =
      WebServer.create(
              json,
              List.of(
                  new RestChannel(
                      service, new Requests(json), json, AllowedOrigins.sameOriginOnly()),
                  widget,
                  new ConversationsApi(service, store, agents, new Requests(json)),
                  new AnalyticsApi(
                      new Analytics(store, Clock.systemUTC()), agents, Clock.systemUTC())))
          .start("127.0.0.1", 0);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stop() {
    app.stop();
    widget.close();
  }

  @Test
  void no_share_typed_on_the_rest_webhook_reaches_what_agents_read() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Entry share : MaskingCorpus.shares()) {
      String id = "rest-" + share.line();
      if (share.asked()) {
        rest(id, CONTEXT);
        assertThat(
                store
                    .find(ConversationKey.rest(id).value())
                    .orElseThrow()
                    .state()
                    .askedAboutPassword())
            .isTrue();
      }
      rest(id, share.text());
      rest(id, HUMAN);
      leaks.addAll(leaks(share, agentView(id)));
    }
    leaks.addAll(exportLeaks());

    assertThat(leaks).isEmpty();
  }

  @Test
  void no_share_typed_in_the_widget_reaches_what_agents_read() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Entry share : MaskingCorpus.shares()) {
      JsonNode created = json.readTree(post("/widget/conversations", "", Map.of()).body());
      String id = created.get("id").asText();
      Map<String, String> token = Map.of("X-Widget-Token", created.get("token").asText());
      String path = "/widget/conversations/" + id + "/messages";
      if (share.asked()) {
        post(path, json.writeValueAsString(Map.of("text", CONTEXT, "role", "customer")), token);
      }
      var sent =
          post(
              path,
              json.writeValueAsString(Map.of("text", share.text(), "role", "customer")),
              token);
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
      post(path, json.writeValueAsString(Map.of("text", HUMAN)), token);
      leaks.addAll(leaks(share, agentView(id)));
      // What the visitor's own widget shows back is masked too.
      leaks.addAll(leaks(share, sent.body()));
    }
    leaks.addAll(exportLeaks());

    assertThat(leaks).isEmpty();
  }

  private void rest(String sender, String text) throws Exception {
    var response =
        post(
            RestChannel.PATH,
            json.writeValueAsString(
                Map.of("sender", sender, "message", text, "metadata", Map.of("role", "customer"))),
            Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** The conversation with its transcript and handoff packet, as the console reads it. */
  private String agentView(String id) throws Exception {
    var response = get("/api/conversations/" + id);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.readTree(response.body()).path("status").asText()).isEqualTo("handoff");
    return response.body();
  }

  private List<String> exportLeaks() throws Exception {
    String tsv = get("/api/analytics/not-understood.tsv").body();
    List<String> found = new ArrayList<>();
    for (Entry share : MaskingCorpus.shares()) {
      found.addAll(leaks(share, tsv));
    }
    return found;
  }

  private static List<String> leaks(Entry share, String where) {
    // JSON escapes some characters; compare on the decoded text as well as on the raw body.
    List<String> found = new ArrayList<>();
    for (String secret : share.secrets()) {
      if (where.contains(secret) || where.contains(jsonEscaped(secret))) {
        found.add(share + " leaked '" + secret + "'");
      }
    }
    return found;
  }

  private static String jsonEscaped(String s) {
    try {
      String quoted = Json.newMapper().writeValueAsString(s);
      return quoted.substring(1, quoted.length() - 1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + AGENT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }
}
