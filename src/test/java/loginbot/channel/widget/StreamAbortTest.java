package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Event-stream requests whose connection is reset: every slot they took must come back. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamAbortTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void streams_whose_connection_is_reset_free_their_slot() throws Exception {
    WidgetChannel.Created mine = server.createConversation();
    for (int i = 0; i < 200; i++) {
      sendThenReset(mine.id(), server.ticket(mine), i % 4);
    }

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (server.widget.openStreams() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(server.widget.openStreams()).isZero();
    int fresh =
        server.status(
            "/widget/conversations/" + mine.id() + "/events?ticket=" + server.ticket(mine),
            b -> b.header("Accept", "text/event-stream"));
    assertThat(fresh).isEqualTo(200);
  }

  /** Writes a stream request and resets the connection after {@code waitMillis}. */
  private void sendThenReset(String id, String ticket, int waitMillis) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.app.port())) {
      socket.setSoLinger(true, 0); // close() sends RST, as a phone losing its network would
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /widget/conversations/"
                  + id
                  + "/events?ticket="
                  + ticket
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (waitMillis > 0) {
        Thread.sleep(waitMillis);
      }
    }
  }
}
