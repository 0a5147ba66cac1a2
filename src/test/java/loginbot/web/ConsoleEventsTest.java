package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's event stream: it names what changed, and only to agents. */
class ConsoleEventsTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void without_an_agent_token_the_stream_is_refused() {
    assertThat(server.get("/api/events", b -> b.header("Accept", "text/event-stream")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void a_new_handoff_is_announced_by_id_to_an_open_console() throws Exception {
    HttpResponse<InputStream> stream =
        server.http.send(
            HttpRequest.newBuilder(server.uri("/api/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    assertThat(readUntil(lines, "event: ready")).isTrue();

    WidgetChannel.Created c = server.createConversation();
    server.seedHandedOff(c.id(), "still locked out");

    // A hang guard, not a speed requirement: the stream must name the conversation.
    CompletableFuture<Boolean> named =
        CompletableFuture.supplyAsync(() -> readUntil(lines, c.id()));
    assertThat(named.get(30, TimeUnit.SECONDS)).isTrue();
    stream.body().close();
  }

  private static boolean readUntil(BufferedReader lines, String text) {
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.contains(text)) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
