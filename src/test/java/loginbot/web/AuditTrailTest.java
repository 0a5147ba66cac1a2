package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

/** Every delete, close and hand-back leaves an INFO line naming the agent, never message text. */
// Alone: it reads the JVM-wide audit logger, which other classes' agent actions also write to.
@Isolated
class AuditTrailTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());
  private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger("loginbot.audit");

  @BeforeEach
  void listen() {
    audit.start();
    logger.addAppender(audit);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(audit);
    logger.setLevel(null);
    server.close();
  }

  @Test
  void hand_back_close_and_delete_are_logged_with_the_agents_name_and_no_text() {
    WidgetChannel.Created first = server.createConversation();
    WidgetChannel.Created second = server.createConversation();
    server.seedHandedOff(first.id(), "my password is Hunter2024 please");
    server.seedHandedOff(second.id(), "still locked out, marie@example.com");

    int handBack = server.post(api(first.id()) + "/handback", "", this::signedIn).statusCode();
    int close = server.post(api(second.id()) + "/close", "", this::signedIn).statusCode();
    int delete =
        server
            .send(
                java.net.http.HttpRequest.newBuilder(server.uri(api(first.id())))
                    .DELETE()
                    .header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN)
                    .build())
            .statusCode();

    assertThat(List.of(handBack, close, delete)).containsExactly(200, 200, 204);
    assertThat(audit.list).allMatch(e -> e.getLevel() == Level.INFO);
    assertThat(audit.list.stream().map(ILoggingEvent::getFormattedMessage))
        .containsExactly(
            "agent=Alice action=hand_back conversation=" + first.id() + " status=bot",
            "agent=Alice action=close conversation=" + second.id() + " status=closed",
            "agent=Alice deleted conversation=" + first.id());
  }

  private static String api(String id) {
    return "/api/conversations/" + id;
  }

  private void signedIn(java.net.http.HttpRequest.Builder b) {
    b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN);
  }
}
