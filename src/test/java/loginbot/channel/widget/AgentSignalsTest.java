package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the customer's widget shows of the agent at the other end: typing, and after sending. */
class AgentSignalsTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void the_widget_shows_the_agent_typing_and_no_longer_once_the_message_is_sent() {
    // Given a chat with a person, where Alice has started typing
    WidgetChannel.Created chat = server.createConversation();
    server.seedHandedOff(chat.id(), "still locked out");
    assertThat(agentPost(chat, "/typing", "").statusCode()).isEqualTo(204);
    assertThat(live(chat).path("typing").asText()).isEqualTo("Alice");

    // When she sends what she typed
    assertThat(agentPost(chat, "/messages", "{\"text\":\"Hi, I'm Alice.\"}").statusCode())
        .isEqualTo(201);

    // Then the widget shows her message and no longer "Alice is typing…"
    JsonNode read = read(chat);
    assertThat(read.path("lines").toString()).contains("Hi, I'm Alice.");
    assertThat(read.path("live").path("typing").isNull()).isTrue();
  }

  @Test
  void a_message_without_the_agents_token_changes_nothing_the_customer_sees() {
    WidgetChannel.Created chat = server.createConversation();
    server.seedHandedOff(chat.id(), "still locked out");
    agentPost(chat, "/typing", "");

    var refused =
        server.post(
            "/api/conversations/" + chat.id() + "/messages", "{\"text\":\"hello\"}", b -> {});

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(live(chat).path("typing").asText()).isEqualTo("Alice");
  }

  private java.net.http.HttpResponse<String> agentPost(
      WidgetChannel.Created chat, String path, String body) {
    return server.post(
        "/api/conversations/" + chat.id() + path,
        body,
        b -> b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN));
  }

  private JsonNode live(WidgetChannel.Created chat) {
    return read(chat).path("live");
  }

  private JsonNode read(WidgetChannel.Created chat) {
    return server.parse(
        server.get(
            WidgetChannelTest.messages(chat.id(), 0),
            b -> b.header("X-Widget-Token", chat.token())));
  }
}
