package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.time.Instant;
import java.util.List;
import loginbot.TestBot;
import loginbot.channel.rest.RestChannel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the edge refuses, on the REST webhook as a client sees it: 400 with the reason, and nothing
 * stored.
 */
class StrictInputTest {
  private final TestBot bot = TestBot.create();

  private Javalin server() {
    var json = Json.newMapper();
    return WebServer.create(
        json,
        List.of(
            new RestChannel(
                bot.service, new Requests(json), json, AllowedOrigins.sameOriginOnly())));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
          trailing garbage        | {"sender":"a1","message":"hi"} {"x":1}                | unexpected content after the JSON value
          a second document       | {"sender":"a1","message":"hi"}{"sender":"b"}          | unexpected content after the JSON value
          a duplicate key         | {"sender":"a1","sender":"cw:1:42","message":"hi"}     | duplicate key 'sender'
          a lone high surrogate   | {"sender":"a1","message":"pass \\ud83d word"}           | 'message' holds half of a surrogate pair (U+D83D at position 6)
          a lone low surrogate    | {"sender":"a1","message":"\\udc00"}                    | 'message' holds half of a surrogate pair (U+DC00 at position 1)
          a NUL in the text       | {"sender":"a1","message":"hi\\u0000there"}             | 'message' holds a control character (U+0000 at position 3)
          a bell in metadata      | {"sender":"a1","message":"hi","metadata":{"x":"\\u0007"}} | 'metadata.x' holds a control character (U+0007 at position 1)
          a line break in a sender | {"sender":"a1\\nINFO forged line","message":"hi"}     | 'sender' holds a control character (U+000A at position 3)
          a tab in a message id   | {"sender":"a1","message":"hi","metadata":{"message_id":"m\\t1"}} | 'metadata.message_id' holds a control character (U+0009 at position 2)
          a direction override in a sender | {"sender":"a1\\u202e","message":"hi"}        | 'sender' holds a line separator or a direction override (U+202E at position 3)
          nesting too deep        | {"sender":"a1","message":"hi","metadata":{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}} | nested deeper than 64 levels
          """)
  void malformed_input_is_refused_with_the_reason_and_stores_nothing(
      String what, String body, String reason) {
    TestBot.serve(
        server(),
        (server, client) -> {
          var response = client.post(RestChannel.PATH, body);

          assertThat(response.code()).as(what).isEqualTo(400);
          assertThat(response.body().string()).as(what).contains(reason);
          assertThat(bot.store.updatedBetween(Instant.EPOCH, Instant.now().plusSeconds(3600)))
              .as(what)
              .isEmpty();
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
          line breaks and tabs in the text | {"sender":"a1","message":"hi\\r\\nmy\\tpassword does not work"}
          emoji (a surrogate pair)          | {"sender":"a1","message":"hi \\ud83d\\ude00"}
          accents and quotes                | {"sender":"é-1","message":"mot de passe « oublié »"}
          """)
  void ordinary_text_passes(String what, String body) {
    TestBot.serve(
        server(),
        (server, client) -> {
          var response = client.post(RestChannel.PATH, body);

          assertThat(response.code()).as(what).isEqualTo(200);
        });
  }
}
