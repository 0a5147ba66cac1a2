package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WidgetEventsTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void an_open_stream_delivers_the_agents_reply_when_it_is_written() throws Exception {
    WidgetChannel.Created mine = server.createConversation();
    server.seedHandedOff(mine.id(), "still locked out");
    HttpResponse<Stream<String>> response = open(mine, 2, null);
    Iterator<String> lines = response.body().iterator();
    List<String> seen = readUntil(lines, "event: status");
    assertThat(readUntil(lines, "data:")).last().asString().contains("handoff");

    server.conversations.agentReply(
        mine.id(), "Alice", "Hi, I'm Alice. Let me check your account.");
    seen = readUntil(lines, "data:");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/event-stream;charset=utf-8");
    assertThat(seen).contains("event: line", "id: 3");
    assertThat(seen.get(seen.size() - 1))
        .contains(
            "\"author\":\"agent\"",
            "\"name\":\"Alice\"",
            "Hi, I'm Alice. Let me check your account.");
    response.body().close();
  }

  @Test
  void a_reconnecting_stream_resumes_after_the_last_event_id() throws Exception {
    WidgetChannel.Created mine = server.createConversation();
    server.seedHandedOff(mine.id(), "still locked out");
    server.conversations.agentReply(mine.id(), "Alice", "first reply");
    server.conversations.agentReply(mine.id(), "Alice", "second reply");

    HttpResponse<Stream<String>> response = open(mine, 0, "3");
    Iterator<String> lines = response.body().iterator();
    List<String> seen = readUntil(lines, "id: 4");
    seen.addAll(readUntil(lines, "data:"));

    assertThat(String.join("\n", seen))
        .contains("second reply")
        .doesNotContain("first reply")
        .doesNotContain("still locked out");
    response.body().close();
  }

  @Test
  void streams_beyond_the_instance_limit_get_503() throws Exception {
    WidgetChannel.Created mine = server.createConversation();
    List<HttpResponse<Stream<String>>> open = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      HttpResponse<Stream<String>> r = open(mine, 0, null);
      readUntil(r.body().iterator(), "event: status");
      open.add(r);
    }

    HttpResponse<String> refused =
        server.get(
            "/widget/conversations/" + mine.id() + "/events?ticket=" + server.ticket(mine),
            b -> b.header("Accept", "text/event-stream"));

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    open.forEach(r -> r.body().close());
  }

  @Test
  void closing_the_channel_ends_open_streams() throws Exception {
    WidgetChannel.Created mine = server.createConversation();
    HttpResponse<Stream<String>> response = open(mine, 0, null);
    Iterator<String> lines = response.body().iterator();
    readUntil(lines, "event: status");

    server.widget.close();

    while (lines.hasNext()) {
      lines.next(); // drains what is left; returns only because the server ended the stream
    }
    assertThat(server.widget.openStreams()).isZero();
  }

  private HttpResponse<Stream<String>> open(WidgetChannel.Created c, long after, String lastEventId)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                server.uri(
                    "/widget/conversations/"
                        + c.id()
                        + "/events?after="
                        + after
                        + "&ticket="
                        + server.ticket(c)))
            .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    return server.http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
  }

  /** Reads lines up to and including the first that starts with {@code prefix}. */
  private static List<String> readUntil(Iterator<String> lines, String prefix) {
    List<String> seen = new ArrayList<>();
    while (lines.hasNext()) {
      String line = lines.next();
      seen.add(line);
      if (line.startsWith(prefix)) {
        return seen;
      }
    }
    throw new AssertionError("stream ended before '" + prefix + "'; saw " + seen);
  }
}
