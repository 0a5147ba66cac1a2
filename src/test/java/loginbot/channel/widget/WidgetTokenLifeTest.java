package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.attachment.Ocr;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A widget token lives while its conversation is used, and dies with the conversation. */
class WidgetTokenLifeTest {
  private final MutableClock clock = new MutableClock(TestBot.DEFAULT_NOW);
  private final WidgetServer server =
      new WidgetServer(AllowedOrigins.sameOriginOnly(), clock, Ocr.NONE);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_privacy_delete_kills_the_token_its_tickets_and_its_images_at_once() {
    WidgetChannel.Created mine = server.createConversation();
    server.post(
        WidgetChannelTest.messages(mine.id(), 0),
        "{\"text\":\"my account is disabled\"}",
        b -> b.header("X-Widget-Token", mine.token()));
    String ticket = server.ticket(mine);

    var deleted =
        server.send(
            java.net.http.HttpRequest.newBuilder(server.uri("/api/conversations/" + mine.id()))
                .header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN)
                .DELETE()
                .build());

    assertThat(deleted.statusCode()).isEqualTo(204);
    var read =
        server.get(
            WidgetChannelTest.messages(mine.id(), 0),
            b -> b.header("X-Widget-Token", mine.token()));
    var write =
        server.post(
            WidgetChannelTest.messages(mine.id(), 0),
            "{\"text\":\"hello again\"}",
            b -> b.header("X-Widget-Token", mine.token()));
    int stream =
        server.status(
            "/widget/conversations/" + mine.id() + "/events?ticket=" + ticket,
            b -> b.header("Accept", "text/event-stream"));
    assertThat(read.statusCode()).isEqualTo(401);
    assertThat(write.statusCode()).isEqualTo(401);
    assertThat(stream).isEqualTo(401);
    assertThat(server.store.find(mine.id())).isEmpty(); // not brought back by the second message
  }

  @Test
  void a_token_expires_after_the_idle_period_and_not_before() {
    WidgetChannel.Created mine = server.createConversation();
    server.post(
        WidgetChannelTest.messages(mine.id(), 0),
        "{\"text\":\"hello\"}",
        b -> b.header("X-Widget-Token", mine.token()));

    clock.advance(WidgetSettings.DEFAULT_TOKEN_IDLE.minus(Duration.ofHours(1)));
    int stillOpen =
        server
            .get(
                WidgetChannelTest.messages(mine.id(), 0),
                b -> b.header("X-Widget-Token", mine.token()))
            .statusCode();
    clock.advance(WidgetSettings.DEFAULT_TOKEN_IDLE.plus(Duration.ofHours(1)));
    var expired =
        server.get(
            WidgetChannelTest.messages(mine.id(), 0),
            b -> b.header("X-Widget-Token", mine.token()));

    assertThat(stillOpen).isEqualTo(200);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("expired");
  }

  @Test
  void a_stream_ticket_opens_one_stream_once_and_only_for_a_minute() {
    WidgetChannel.Created mine = server.createConversation();
    String used = server.ticket(mine);
    String late = server.ticket(mine);
    String path = "/widget/conversations/" + mine.id() + "/events?ticket=";

    int first = server.status(path + used, b -> b.header("Accept", "text/event-stream"));
    int replay = server.status(path + used, b -> b.header("Accept", "text/event-stream"));
    clock.advance(Duration.ofSeconds(61));
    int expired = server.status(path + late, b -> b.header("Accept", "text/event-stream"));

    assertThat(first).isEqualTo(200);
    assertThat(replay).isEqualTo(401);
    assertThat(expired).isEqualTo(401);
  }
}
