package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetServer;
import loginbot.store.TranscriptEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Internal notes: in the agents' transcript, never in what the user is shown. */
class InternalNotesTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_note_is_stored_for_agents_and_never_reaches_the_widget() {
    WidgetChannel.Created c = server.createConversation();
    server.seedHandedOff(c.id(), "still locked out");

    HttpResponse<String> noted =
        server.post(
            "/api/conversations/" + c.id() + "/notes",
            "{\"text\":\"Checked the CRM: two accounts were merged last week\"}",
            b -> b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN));
    server.post(
        "/api/conversations/" + c.id() + "/messages",
        "{\"text\":\"I am looking into it\"}",
        b -> b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN));
    String widget =
        server
            .get(
                "/widget/conversations/" + c.id() + "/messages?after=0",
                b -> b.header("X-Widget-Token", c.token()))
            .body();

    assertThat(noted.statusCode()).isEqualTo(201);
    TranscriptEntry note = server.store.transcript(c.id(), 2).get(0);
    assertThat(note.author()).isEqualTo(TranscriptEntry.Author.NOTE);
    assertThat(note.name()).isEqualTo("Alice");
    assertThat(widget).contains("I am looking into it").doesNotContain("CRM");
    assertThat(server.store.dueOutbox(Instant.now().plusSeconds(3600), 10)).isEmpty();
  }
}
