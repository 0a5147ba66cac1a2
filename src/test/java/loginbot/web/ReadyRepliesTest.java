package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import loginbot.channel.InboundMessage;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetServer;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The article's steps offered to the agent as ready replies, in the customer's language. */
class ReadyRepliesTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  private void say(String id, String text) {
    server.conversations.handle(
        new InboundMessage(
            "widget", id, null, text, Optional.of(Role.CUSTOMER), Optional.of(Language.FR)));
  }

  @Test
  void a_french_customer_gets_the_cases_steps_in_french_with_those_the_bot_tried_marked() {
    // given a French customer who tried the first step of "forgot password", then asked for a
    // person
    WidgetChannel.Created c = server.createConversation();
    say(c.id(), "/case forgot_password");
    say(c.id(), "/no");
    say(c.id(), "/human");

    JsonNode replies =
        server.parse(
            server.get(
                "/api/conversations/" + c.id() + "/replies",
                b -> b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN)));

    // then
    assertThat(server.store.find(c.id()).orElseThrow().state().status().code())
        .isEqualTo("handoff");
    assertThat(replies.get("language").asText()).isEqualTo("fr");
    assertThat(replies.get("caseId").asText()).isEqualTo("forgot_password");
    JsonNode first = replies.get("steps").get(0);
    assertThat(first.get("step").asText()).isEqualTo("forgot_password_link");
    assertThat(first.get("text").asText()).startsWith("À l'écran de connexion");
    assertThat(first.get("tried").asBoolean()).isTrue();
    assertThat(replies.get("steps").get(2).get("tried").asBoolean()).isFalse();
    assertThat(replies.get("steps"))
        .allSatisfy(s -> assertThat(s.get("role").asText()).isEqualTo("customer"));
  }
}
