package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import loginbot.store.TranscriptEntry;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WidgetMessagesTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_message_is_answered_with_the_bots_replies_and_the_lines_to_show() {
    WidgetChannel.Created c = server.createConversation();

    JsonNode sent =
        server.parse(send(c, 0, "{\"text\":\"hi\",\"role\":\"customer\",\"language\":\"en\"}"));

    assertThat(sent.get("status").asText()).isEqualTo("bot");
    assertThat(sent.get("duplicate").asBoolean()).isFalse();
    assertThat(sent.get("replies")).isNotEmpty();
    assertThat(sent.get("lines").get(0).get("author").asText()).isEqualTo("user");
    assertThat(sent.get("lines").get(0).get("text").asText()).isEqualTo("hi");
    JsonNode lastLine = sent.get("lines").get(sent.get("lines").size() - 1);
    assertThat(lastLine.get("author").asText()).isEqualTo("bot");
    assertThat(lastLine.get("buttons")).isNotEmpty();
    assertThat(sent.get("lastSeq").asLong()).isEqualTo(lastLine.get("seq").asLong());
  }

  @Test
  void a_resent_client_message_id_gets_the_first_answer_and_no_second_turn() {
    WidgetChannel.Created c = server.createConversation();
    String body = "{\"text\":\"hi\",\"clientMessageId\":\"m-1\"}";
    JsonNode first = server.parse(send(c, 0, body));
    int lines = server.store.transcript(c.id(), 0).size();

    JsonNode again = server.parse(send(c, 0, body));

    assertThat(again.get("duplicate").asBoolean()).isTrue();
    assertThat(again.get("replies")).isEqualTo(first.get("replies"));
    assertThat(server.store.transcript(c.id(), 0)).hasSize(lines);
  }

  @Test
  void markup_typed_by_the_user_is_stored_and_returned_as_plain_text() {
    WidgetChannel.Created c = server.createConversation();
    String payload = "<img src=x onerror=alert(1)>";

    send(c, 0, "{\"text\":\"" + payload + "\"}");
    JsonNode read =
        server.parse(
            server.get(
                WidgetChannelTest.messages(c.id(), 0), b -> b.header("X-Widget-Token", c.token())));

    assertThat(read.get("lines").get(0).get("text").asText()).isEqualTo(payload);
    assertThat(server.store.transcript(c.id(), 0).get(0).text()).isEqualTo(payload);
  }

  @Test
  void a_typed_password_is_masked_before_the_widget_reads_it_back() {
    WidgetChannel.Created c = server.createConversation();

    JsonNode sent = server.parse(send(c, 0, "{\"text\":\"my password is Hunter2!x\"}"));

    assertThat(sent.toString()).doesNotContain("Hunter2!x");
    assertThat(sent.get("lines").get(0).get("text").asText()).contains("••••");
  }

  @Test
  void the_contact_the_page_passed_is_a_note_for_agents_only() {
    WidgetChannel.Created c = server.createConversation();

    JsonNode sent =
        server.parse(
            send(
                c,
                0,
                "{\"text\":\"hi\",\"name\":\"Marie Dupont\",\"email\":\"marie@example.com\"}"));
    send(c, sent.get("lastSeq").asLong(), "{\"text\":\"hello\",\"name\":\"Someone Else\"}");

    assertThat(server.store.transcript(c.id(), 0))
        .filteredOn(e -> e.author() == TranscriptEntry.Author.SYSTEM)
        .extracting(TranscriptEntry::text)
        .containsExactly("Contact given by the page: Marie Dupont <marie@example.com>");
    JsonNode read =
        server.parse(
            server.get(
                WidgetChannelTest.messages(c.id(), 0), b -> b.header("X-Widget-Token", c.token())));
    assertThat(read.toString()).doesNotContain("marie@example.com");
  }

  @Test
  void saying_no_until_the_end_hands_off_and_the_bot_then_stays_silent() {
    WidgetChannel.Created c = server.createConversation();
    long seq =
        server
            .parse(send(c, 0, "{\"text\":\"/case invalid_credentials\",\"role\":\"customer\"}"))
            .get("lastSeq")
            .asLong();
    JsonNode last = null;
    for (int i = 0;
        i < 6 && (last == null || !last.get("status").asText().equals("handoff"));
        i++) {
      last = server.parse(send(c, seq, "{\"text\":\"/no\"}"));
      seq = last.get("lastSeq").asLong();
    }

    JsonNode afterHandoff = server.parse(send(c, seq, "{\"text\":\"hello? anyone?\"}"));

    assertThat(last.get("status").asText()).isEqualTo("handoff");
    assertThat(afterHandoff.get("replies")).isEmpty();
    assertThat(afterHandoff.get("lines")).hasSize(1);
    assertThat(server.store.handoffQueue()).extracting(r -> r.id()).containsExactly(c.id());
  }

  private HttpResponse<String> send(WidgetChannel.Created c, long after, String body) {
    HttpResponse<String> response =
        server.post(
            WidgetChannelTest.messages(c.id(), after),
            body,
            b -> b.header("X-Widget-Token", c.token()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }
}
