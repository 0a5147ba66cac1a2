package loginbot.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import loginbot.nlu.Language;
import org.junit.jupiter.api.Test;

/**
 * Requests real REST clients send, which Rasa accepts: the bot accepts them too, ignoring what it
 * cannot use, and refuses only what is not a message at all, with a 400 that says why.
 */
class RestToleranceTest {

  @Test
  void a_language_the_bot_does_not_speak_is_ignored_and_the_language_is_detected() {
    try (RestServer rest = RestServer.start()) {
      RestServer.Answer answer =
          rest.post(
              "{\"sender\":\"de\",\"message\":\"J'ai oublié mon mot de passe\","
                  + "\"metadata\":{\"language\":\"de\"}}");

      assertThat(answer.code()).isEqualTo(200);
      assertThat(rest.bot.store.find("rest:de").orElseThrow().state().language())
          .isEqualTo(Language.FR);
    }
  }

  @Test
  void a_role_the_bot_does_not_know_is_ignored() {
    try (RestServer rest = RestServer.start()) {
      RestServer.Answer answer =
          rest.post(
              "{\"sender\":\"admin\",\"message\":\"hello\",\"metadata\":{\"role\":\"admin\"}}");

      assertThat(answer.code()).isEqualTo(200);
      assertThat(rest.bot.store.find("rest:admin").orElseThrow().state().role()).isNull();
    }
  }

  @Test
  void metadata_of_any_other_shape_is_opaque() {
    try (RestServer rest = RestServer.start()) {
      assertThat(rest.post("{\"sender\":\"m1\",\"message\":\"hello\",\"metadata\":\"web\"}").code())
          .isEqualTo(200);
      assertThat(rest.post("{\"sender\":\"m2\",\"message\":\"hello\",\"metadata\":[1]}").code())
          .isEqualTo(200);
      assertThat(
              rest.post(
                      "{\"sender\":\"m3\",\"message\":\"hello\",\"metadata\":{\"role\":7,"
                          + "\"language\":{\"code\":\"en\"},\"message_id\":{\"n\":1},"
                          + "\"page\":\"/help\",\"user\":{\"plan\":\"pro\"}}}")
                  .code())
          .isEqualTo(200);
    }
  }

  @Test
  void known_metadata_is_still_used() {
    try (RestServer rest = RestServer.start()) {
      rest.post(
          "{\"sender\":\"pro\",\"message\":\"hello\","
              + "\"metadata\":{\"role\":\"professional\",\"language\":\"fr\"}}");

      var state = rest.bot.store.find("rest:pro").orElseThrow().state();
      assertThat(state.role()).hasToString("PROFESSIONAL");
      assertThat(state.language()).isEqualTo(loginbot.nlu.Language.FR);
    }
  }

  @Test
  void requests_without_a_sender_each_get_a_conversation_of_their_own() {
    // Rasa would put them all in one conversation, "default", where they read each other's replies
    try (RestServer rest = RestServer.start()) {
      String first =
          rest.post("{\"message\":\"I forgot my password\"}")
              .json()
              .get(0)
              .get("recipient_id")
              .asText();
      String second =
          rest.post("{\"sender\":null,\"message\":\"hello\"}")
              .json()
              .get(0)
              .get("recipient_id")
              .asText();

      assertThat(first).startsWith("anonymous-").isNotEqualTo(second);
      assertThat(rest.bot.store.find("rest:default")).isEmpty();
      // the recipient_id continues that conversation
      rest.post("{\"sender\":\"" + first + "\",\"message\":\"no\"}");
      assertThat(rest.bot.store.transcript("rest:" + first, 0)).hasSizeGreaterThan(2);
    }
  }

  @Test
  void what_is_not_a_message_gets_a_400_that_says_why_and_changes_nothing() {
    try (RestServer rest = RestServer.start()) {
      assertRefused(rest, "not json", "body is not valid JSON");
      assertRefused(rest, "", "body must be a JSON object");
      assertRefused(rest, "[{\"sender\":\"a\",\"message\":\"hi\"}]", "body must be a JSON object");
      assertRefused(rest, "{\"sender\":\"a\"}", "'message' is required");
      assertRefused(
          rest, "{\"sender\":\"a\",\"message\":\"  \\n \"}", "'message' must not be blank");
      assertRefused(
          rest, "{\"sender\":{\"id\":1},\"message\":\"hi\"}", "'sender' must be a string");
      assertRefused(rest, "{\"sender\":\"a\\nb\",\"message\":\"hi\"}", "holds a control character");

      assertThat(rest.bot.store.find("rest:a")).isEmpty();
    }
  }

  private static void assertRefused(RestServer rest, String body, String reason) {
    RestServer.Answer answer = rest.post(body);
    assertThat(answer.code()).as(body).isEqualTo(400);
    assertThat(answer.json().get("message").asText()).as(body).contains(reason);
  }
}
