package loginbot.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.TestBot;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.ContentSource;
import loginbot.store.TranscriptEntry;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.Test;

/**
 * Rasa 3.6's own tests of its REST channel ({@code tests/core/test_channels.py}: routes, integer
 * ids, stripping, input channel, {@code send_response}, {@code rasa shell}'s streaming), replayed
 * against loginbot over HTTP. Each test names the Rasa test it stands for; the texts are ours.
 */
class RasaRestReplayTest {

  @Test
  void routes_health_answers_status_ok_under_webhooks_rest() {
    // test_register_channel_without_route, test_channel_inheritance: health and receive routes
    try (RestServer rest = RestServer.start()) {
      RestServer.Answer health = rest.send("GET", "/webhooks/rest/", Map.of());
      RestServer.Answer bare = rest.send("GET", "/webhooks/rest", Map.of());

      assertThat(health.code()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
      assertThat(bare.body()).isEqualTo("{\"status\":\"ok\"}");
    }
  }

  @Test
  void get_on_the_receive_route_is_method_not_allowed_as_in_sanic() {
    try (RestServer rest = RestServer.start()) {
      RestServer.Answer answer = rest.send("GET", RestChannel.PATH, Map.of());

      assertThat(answer.code()).isEqualTo(405);
      assertThat(answer.header("Allow")).isEqualTo("POST");
    }
  }

  @Test
  void handling_of_integer_user_id_takes_the_sender_as_a_string() {
    // test_handling_of_integer_user_id: sender 123 is the conversation "123"
    try (RestServer rest = RestServer.start()) {
      RestServer.Answer answer = rest.post("{\"sender\":123,\"message\":\"hello\"}");

      assertThat(answer.code()).isEqualTo(200);
      assertThat(answer.json().get(0).get("recipient_id").isTextual()).isTrue();
      assertThat(answer.json().get(0).get("recipient_id").asText()).isEqualTo("123");
      assertThat(rest.bot.store.find("rest:123")).isPresent();
    }
  }

  @Test
  void int_sender_id_in_user_message_keeps_every_digit() {
    // test_int_sender_id_in_user_message: 1234567890 stays "1234567890"
    try (RestServer rest = RestServer.start()) {
      RestServer.Answer answer = rest.post("{\"sender\":1234567890,\"message\":\"hello\"}");

      assertThat(answer.json().get(0).get("recipient_id").asText()).isEqualTo("1234567890");
      // and the same sender written as a string is the same conversation
      rest.post("{\"sender\":\"1234567890\",\"message\":\"I forgot my password\"}");
      assertThat(rest.bot.store.transcript("rest:1234567890", 0))
          .filteredOn(e -> e.author() == TranscriptEntry.Author.USER)
          .hasSize(2);
    }
  }

  @Test
  void int_message_id_in_user_message_is_the_same_id_as_its_string() {
    // test_int_message_id_in_user_message: 987654321 is "987654321"
    try (RestServer rest = RestServer.start()) {
      RestServer.Answer first =
          rest.post(
              "{\"sender\":\"ids\",\"message\":\"I forgot my password\","
                  + "\"metadata\":{\"message_id\":987654321}}");
      RestServer.Answer again =
          rest.post(
              "{\"sender\":\"ids\",\"message\":\"I forgot my password\","
                  + "\"metadata\":{\"message_id\":\"987654321\"}}");

      assertThat(first.code()).isEqualTo(200);
      assertThat(again.body()).isEqualTo(first.body());
      assertThat(rest.bot.store.transcript("rest:ids", 0))
          .filteredOn(e -> e.author() == TranscriptEntry.Author.USER)
          .hasSize(1);
    }
  }

  @Test
  void newline_strip_removes_the_newlines_around_the_text() {
    // test_newsline_strip: "\n/restart\n" is "/restart"
    try (RestServer rest = RestServer.start()) {
      rest.post("{\"sender\":\"strip\",\"message\":\"\\n/restart\\n\"}");

      assertThat(rest.bot.store.transcript("rest:strip", 0).get(0).text()).isEqualTo("/restart");
    }
  }

  @Test
  void extract_input_channel_accepts_none_null_and_a_custom_name() {
    // test_extract_input_channel: {} -> rest, null -> rest, "custom" -> custom
    try (RestServer rest = RestServer.start()) {
      List<Integer> codes = new ArrayList<>();
      codes.add(rest.post("{\"sender\":\"ch\",\"message\":\"hello\"}").code());
      codes.add(
          rest.post("{\"sender\":\"ch\",\"message\":\"hello\",\"input_channel\":null}").code());
      codes.add(
          rest.post("{\"sender\":\"ch\",\"message\":\"hello\",\"input_channel\":\"custom\"}")
              .code());

      assertThat(codes).containsOnly(200);
    }
  }

  @Test
  void send_response_splits_a_text_on_blank_lines_and_keeps_buttons_in_one_message() {
    // test_send_response: "first  \n\nsecond  \nstill second\n\n" is two messages, spaces kept
    String twoParagraphs =
        "For your safety, never share a password here.  \\n\\n"
            + "I have hidden it.  \\nNobody will see it.\\n\\n";
    ContentSource edited =
        path ->
            ContentSource.classpath()
                .read(path)
                .map(
                    text ->
                        path.endsWith("system.yaml")
                            ? text.replaceFirst(
                                "(password_warning:\\s*\\n\\s*en: )\"[^\"]*\"",
                                "$1\"" + twoParagraphs.replace("\\", "\\\\") + "\"")
                            : text);
    TestBot bot = TestBot.builder().content(ContentCatalog.load(edited)).build();
    try (RestServer rest = RestServer.start(bot, AllowedOrigins.sameOriginOnly())) {
      RestServer.Answer answer =
          rest.post("{\"sender\":\"split\",\"message\":\"my password is Tr0ub4dor&3\"}");

      JsonNode messages = answer.json();
      assertThat(messages.get(0).toString())
          .isEqualTo(
              "{\"recipient_id\":\"split\",\"text\":\"For your safety, never share a password here.  \"}");
      assertThat(messages.get(1).toString())
          .isEqualTo(
              "{\"recipient_id\":\"split\",\"text\":\"I have hidden it.  \\nNobody will see it.\"}");
      JsonNode last = messages.get(messages.size() - 1);
      assertThat(last.has("buttons")).isTrue();
      assertThat(last.get("buttons").get(0).fieldNames())
          .toIterable()
          .containsExactly("title", "payload");
    }
  }

  @Test
  void console_input_streams_one_message_object_per_line() throws Exception {
    // test_console_input: rasa shell posts {"message", "sender"} to ...webhook?stream=true&token=
    try (RestServer rest = RestServer.start()) {
      RestServer.Answer answer =
          rest.post(
              RestChannel.PATH + "?stream=true&token=",
              "{\"message\":\"my password is Tr0ub4dor&3\",\"sender\":\"default\"}",
              Map.of());

      assertThat(answer.code()).isEqualTo(200);
      assertThat(answer.contentType()).startsWith("text/event-stream");
      List<String> lines = answer.body().lines().toList();
      assertThat(answer.body()).endsWith("\n");
      assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
      for (String line : lines) {
        JsonNode message = RestServer.JSON.readTree(line);
        assertThat(message.isObject()).isTrue();
        assertThat(message.get("recipient_id").asText()).isEqualTo("default");
        assertThat(message.has("text")).isTrue();
      }
      assertThat(lines.get(lines.size() - 1)).contains("\"buttons\"");
    }
  }

  @Test
  void stream_false_or_absent_answers_one_json_array() {
    try (RestServer rest = RestServer.start()) {
      RestServer.Answer answer =
          rest.post(
              RestChannel.PATH + "?stream=false",
              "{\"message\":\"hello\",\"sender\":\"s\"}",
              Map.of());

      assertThat(answer.contentType()).startsWith("application/json");
      assertThat(answer.json().isArray()).isTrue();
    }
  }

  @Test
  void body_is_read_as_json_whatever_the_content_type() {
    // Sanic's request.json ignores the Content-Type; curl -d sends form encoding
    try (RestServer rest = RestServer.start()) {
      RestServer.Answer answer =
          rest.post(
              RestChannel.PATH,
              "{\"sender\":\"curl\",\"message\":\"hello\"}",
              Map.of("Content-Type", "application/x-www-form-urlencoded"));

      assertThat(answer.code()).isEqualTo(200);
      assertThat(answer.json().get(0).get("recipient_id").asText()).isEqualTo("curl");
      assertThat(Optional.of(answer.json().size()))
          .hasValueSatisfying(n -> assertThat(n).isPositive());
    }
  }
}
