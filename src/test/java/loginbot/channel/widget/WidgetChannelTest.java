package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WidgetChannelTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_new_conversation_gets_an_unguessable_id_and_token() {
    WidgetChannel.Created first = server.createConversation();
    WidgetChannel.Created second = server.createConversation();

    assertThat(first.id()).matches("w_[A-Za-z0-9_-]{22}");
    assertThat(first.token()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.token()).isNotEqualTo(first.token());
  }

  @Test
  void a_new_conversation_reads_as_empty_with_the_bot() {
    WidgetChannel.Created mine = server.createConversation();

    JsonNode body =
        server.parse(
            server.get(messages(mine.id(), 0), b -> b.header("X-Widget-Token", mine.token())));

    assertThat(body.get("status").asText()).isEqualTo("bot");
    assertThat(body.get("lines")).isEmpty();
  }

  @Test
  void another_conversations_token_cannot_read_or_write_or_stream() {
    WidgetChannel.Created mine = server.createConversation();
    WidgetChannel.Created theirs = server.createConversation();
    server.seedHandedOff(theirs.id(), "my username is marie.dupont");

    HttpResponse<String> read =
        server.get(messages(theirs.id(), 0), b -> b.header("X-Widget-Token", mine.token()));
    HttpResponse<String> write =
        server.post(
            messages(theirs.id(), 0),
            "{\"text\":\"hello\"}",
            b -> b.header("X-Widget-Token", mine.token()));
    HttpResponse<String> stream =
        server.get(
            "/widget/conversations/" + theirs.id() + "/events?ticket=" + server.ticket(mine),
            b -> b.header("Accept", "text/event-stream"));

    assertThat(read.statusCode()).isEqualTo(403);
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(stream.statusCode()).isEqualTo(401); // a ticket opens its own conversation only
    assertThat(read.body() + write.body() + stream.body()).doesNotContain("marie");
    assertThat(server.store.transcript(theirs.id(), 0)).hasSize(2);
  }

  @Test
  void a_request_without_a_token_is_unauthorized() {
    WidgetChannel.Created mine = server.createConversation();

    HttpResponse<String> response = server.get(messages(mine.id(), 0), b -> {});

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void an_id_that_was_never_issued_is_forbidden_even_with_a_valid_looking_token() {
    WidgetChannel.Created mine = server.createConversation();

    HttpResponse<String> response =
        server.get(
            messages("w_AAAAAAAAAAAAAAAAAAAAAA", 0), b -> b.header("X-Widget-Token", mine.token()));

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void agent_text_with_markup_comes_back_as_plain_json_text() {
    WidgetChannel.Created mine = server.createConversation();
    server.seedHandedOff(mine.id(), "help");
    String payload = "<img src=x onerror=alert(1)>";
    server.conversations.agentReply(mine.id(), "Alice", payload);

    HttpResponse<String> response =
        server.get(messages(mine.id(), 2), b -> b.header("X-Widget-Token", mine.token()));

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode line = server.parse(response).get("lines").get(0);
    assertThat(line.get("author").asText()).isEqualTo("agent");
    assertThat(line.get("name").asText()).isEqualTo("Alice");
    assertThat(line.get("text").asText()).isEqualTo(payload);
  }

  @Test
  void lines_after_a_sequence_number_leave_out_notes_for_agents_and_classifier_details() {
    WidgetChannel.Created mine = server.createConversation();
    server.seedHandedOff(mine.id(), "still locked out");
    server.note(mine.id(), "Contact given by the page: Marie");
    server.conversations.agentReply(mine.id(), "Alice", "Hi, Alice here.");

    JsonNode body =
        server.parse(
            server.get(messages(mine.id(), 1), b -> b.header("X-Widget-Token", mine.token())));

    assertThat(body.get("status").asText()).isEqualTo("handoff");
    assertThat(body.get("lastSeq").asLong()).isEqualTo(4);
    assertThat(body.get("lines"))
        .extracting(l -> l.get("text").asText())
        .containsExactly("A person will take over.", "Hi, Alice here.");
    assertThat(body.toString())
        .doesNotContain("intent")
        .doesNotContain("confidence")
        .doesNotContain("Marie");
  }

  @Test
  void malformed_input_is_refused_with_a_clear_message() {
    WidgetChannel.Created mine = server.createConversation();

    HttpResponse<String> notJson =
        server.post(
            messages(mine.id(), 0), "{text:", b -> b.header("X-Widget-Token", mine.token()));
    HttpResponse<String> badRole =
        server.post(
            messages(mine.id(), 0),
            "{\"text\":\"hi\",\"role\":\"admin\"}",
            b -> b.header("X-Widget-Token", mine.token()));
    HttpResponse<String> badAfter =
        server.get(
            "/widget/conversations/" + mine.id() + "/messages?after=x",
            b -> b.header("X-Widget-Token", mine.token()));
    HttpResponse<String> badEmail =
        server.post(
            messages(mine.id(), 0),
            "{\"text\":\"hi\",\"email\":\"nope\"}",
            b -> b.header("X-Widget-Token", mine.token()));

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(badRole.statusCode()).isEqualTo(400);
    assertThat(server.parse(badRole).get("message").asText()).contains("'role'");
    assertThat(badAfter.statusCode()).isEqualTo(400);
    assertThat(badEmail.statusCode()).isEqualTo(400);
    assertThat(server.store.find(mine.id())).isEmpty();
  }

  @Test
  void the_event_stream_needs_the_event_stream_accept_header() {
    WidgetChannel.Created mine = server.createConversation();

    HttpResponse<String> response =
        server.get(
            "/widget/conversations/" + mine.id() + "/events?ticket=" + server.ticket(mine),
            b -> b.header("Accept", "*/*"));

    assertThat(response.statusCode()).isEqualTo(406);
  }

  static String messages(String id, long after) {
    return "/widget/conversations/" + id + "/messages?after=" + after;
  }
}
