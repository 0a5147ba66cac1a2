package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent sees who the page says the customer is and where they chat from: name, e-mail, device,
 * app version and page as the widget sent them, over real HTTP; and a Chatwoot conversation links
 * to Chatwoot.
 */
class CustomerContextTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode agentView(String id) {
    return server.parse(
        server.get(
            "/api/conversations/" + id,
            (HttpRequest.Builder b) ->
                b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN)));
  }

  private int widgetSays(WidgetChannel.Created c, String body) {
    return server
        .post(
            "/widget/conversations/" + c.id() + "/messages",
            body,
            b -> b.header("X-Widget-Token", c.token()))
        .statusCode();
  }

  @Test
  void the_agent_sees_the_customer_as_the_page_and_widget_described_them() {
    // given: a page that names its user and its app version
    WidgetChannel.Created c = server.createConversation();
    String page = server.uri("/help?from=app").toString();

    // when
    int status =
        widgetSays(
            c,
            """
            {"text": "I can't log in", "name": "Jane <b>Doe</b>", "email": "Jane@Example.com",
             "device": "Firefox on Windows", "appVersion": "4.2.1", "page": "%s"}
            """
                .formatted(page));

    // then
    assertThat(status).isEqualTo(200);
    JsonNode context = agentView(c.id()).get("context");
    assertThat(context.get("name").asText()).isEqualTo("Jane <b>Doe</b>");
    assertThat(context.get("email").asText()).isEqualTo("Jane@example.com");
    assertThat(context.get("device").asText()).isEqualTo("Firefox on Windows");
    assertThat(context.get("appVersion").asText()).isEqualTo("4.2.1");
    assertThat(context.get("page").asText()).isEqualTo(page);
    assertThat(context.get("chatwootUrl").isNull()).isTrue();
  }

  @Test
  void what_the_first_message_said_stays_when_later_ones_say_nothing() {
    WidgetChannel.Created c = server.createConversation();
    widgetSays(c, "{\"text\": \"I can't log in\", \"device\": \"Safari on iOS\"}");

    widgetSays(c, "{\"text\": \"still stuck\"}");

    assertThat(agentView(c.id()).at("/context/device").asText()).isEqualTo("Safari on iOS");
  }

  @Test
  void an_overlong_device_is_refused_with_a_clear_4xx() {
    WidgetChannel.Created c = server.createConversation();

    int status = widgetSays(c, "{\"text\": \"hi\", \"device\": \"" + "x".repeat(121) + "\"}");

    assertThat(status).isEqualTo(400);
  }

  @Test
  void a_chatwoot_conversation_links_to_itself_in_chatwoot() {
    assertThat(CustomerContext.chatwootUrl("https://chat.example.com/", "cw:3:42"))
        .contains("https://chat.example.com/app/accounts/3/conversations/42");
    assertThat(CustomerContext.chatwootUrl("https://chat.example.com", "rest:cw:3:42")).isEmpty();
    assertThat(CustomerContext.chatwootUrl("https://chat.example.com", "cw:3:x")).isEmpty();
  }
}
