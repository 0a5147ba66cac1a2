package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loginbot.web.Json;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ChatwootClientTest {
  @StartStop final MockWebServer chatwoot = new MockWebServer();

  private final ConversationRef conversation = new ConversationRef(1, 7);

  private ChatwootClient client() {
    return new ChatwootClient(
        ChatwootClient.defaultHttpClient(), chatwoot.url("/"), "bot-token", Json.newMapper());
  }

  @Test
  void text_reply_is_a_public_outgoing_message_with_the_bot_token() throws Exception {
    // given
    chatwoot.enqueue(new MockResponse.Builder().code(200).body("{\"id\":50}").build());

    // when
    client().sendText(conversation, "Tap \"Forgot password?\"");

    // then
    RecordedRequest request = chatwoot.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/api/v1/accounts/1/conversations/7/messages");
    assertThat(request.getHeaders().get("Api-Access-Token")).isEqualTo("bot-token");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "{\"content\":\"Tap \\\"Forgot password?\\\"\",\"message_type\":\"outgoing\",\"private\":false,"
                + "\"content_type\":\"text\"}");
  }

  @Test
  void options_are_an_input_select_with_title_and_value_items() throws Exception {
    chatwoot.enqueue(new MockResponse.Builder().code(200).build());

    client()
        .sendInputSelect(
            conversation,
            "Did that work?",
            List.of(
                new ChatwootClient.SelectItem("Yes", "yes"),
                new ChatwootClient.SelectItem("No", "no")));

    assertThat(chatwoot.takeRequest().getBody().utf8())
        .isEqualTo(
            "{\"content\":\"Did that work?\",\"message_type\":\"outgoing\",\"private\":false,"
                + "\"content_type\":\"input_select\",\"content_attributes\":{\"items\":"
                + "[{\"title\":\"Yes\",\"value\":\"yes\"},{\"title\":\"No\",\"value\":\"no\"}]}}");
  }

  @Test
  void note_attributes_team_and_status_hit_their_endpoints() throws Exception {
    for (int i = 0; i < 4; i++) {
      chatwoot.enqueue(new MockResponse.Builder().code(200).build());
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("plan", "premium");
    attributes.put("bot_case", "account_disabled");

    client().addPrivateNote(conversation, "**Bot handoff**");
    client().setCustomAttributes(conversation, attributes);
    client().assignTeam(conversation, 3);
    client().toggleStatus(conversation, "open");

    RecordedRequest note = chatwoot.takeRequest();
    assertThat(note.getTarget()).isEqualTo("/api/v1/accounts/1/conversations/7/messages");
    assertThat(note.getBody().utf8())
        .isEqualTo(
            "{\"content\":\"**Bot handoff**\",\"message_type\":\"outgoing\",\"private\":true}");
    RecordedRequest attrs = chatwoot.takeRequest();
    assertThat(attrs.getTarget()).isEqualTo("/api/v1/accounts/1/conversations/7/custom_attributes");
    assertThat(attrs.getBody().utf8())
        .isEqualTo(
            "{\"custom_attributes\":{\"plan\":\"premium\",\"bot_case\":\"account_disabled\"}}");
    RecordedRequest team = chatwoot.takeRequest();
    assertThat(team.getTarget()).isEqualTo("/api/v1/accounts/1/conversations/7/assignments");
    assertThat(team.getBody().utf8()).isEqualTo("{\"team_id\":3}");
    RecordedRequest status = chatwoot.takeRequest();
    assertThat(status.getTarget()).isEqualTo("/api/v1/accounts/1/conversations/7/toggle_status");
    assertThat(status.getBody().utf8()).isEqualTo("{\"status\":\"open\"}");
  }

  @Test
  void base_url_with_a_path_prefix_is_kept() throws Exception {
    chatwoot.enqueue(new MockResponse.Builder().code(200).build());
    var prefixed =
        new ChatwootClient(
            ChatwootClient.defaultHttpClient(), chatwoot.url("/chatwoot/"), "t", Json.newMapper());

    prefixed.toggleStatus(conversation, "open");

    assertThat(chatwoot.takeRequest().getTarget())
        .isEqualTo("/chatwoot/api/v1/accounts/1/conversations/7/toggle_status");
  }

  @Test
  void non_2xx_throws_with_status_and_body_and_tells_whether_to_retry() {
    chatwoot.enqueue(
        new MockResponse.Builder().code(422).body("{\"error\":\"Too many messages\"}").build());
    chatwoot.enqueue(new MockResponse.Builder().code(429).build());
    chatwoot.enqueue(new MockResponse.Builder().code(502).build());

    assertThatThrownBy(() -> client().sendText(conversation, "hi"))
        .isInstanceOfSatisfying(
            ChatwootApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.body()).isEqualTo("{\"error\":\"Too many messages\"}");
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).doesNotContain("bot-token");
            });
    assertThatThrownBy(() -> client().sendText(conversation, "hi"))
        .isInstanceOfSatisfying(
            ChatwootApiException.class, e -> assertThat(e.retryable()).isTrue());
    assertThatThrownBy(() -> client().sendText(conversation, "hi"))
        .isInstanceOfSatisfying(
            ChatwootApiException.class, e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void blank_token_is_refused_at_construction() {
    assertThatThrownBy(
            () ->
                new ChatwootClient(
                    ChatwootClient.defaultHttpClient(), chatwoot.url("/"), "", Json.newMapper()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
