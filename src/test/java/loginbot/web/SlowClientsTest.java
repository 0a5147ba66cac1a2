package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a request body slowly, or not at all, are cut off after the read timeout, the
 * minimum data rate or the idle timeout, and the server keeps answering everyone else meanwhile.
 */
class SlowClientsTest {
  private static final HttpLimits TIGHT =
      new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(1), 1000);

  private final Javalin app =
      WebServer.create(
              Json.newMapper(),
              List.of(routes -> routes.post("/echo", ctx -> ctx.result(ctx.body()))),
              WebServer.DEFAULT_DRAIN_TIMEOUT,
              TIGHT)
          .start("127.0.0.1", 0);

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void slow_bodies_are_cut_off_and_do_not_keep_the_server_from_answering() throws Exception {
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Socket s = new Socket("127.0.0.1", app.port());
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nab")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      slow.add(s);
    }

    // Meanwhile, a normal client is served.
    assertThat(get("/health")).startsWith("HTTP/1.1 200");

    // Each slow client is answered 408 (or simply closed) well before it could finish its body.
    long started = System.nanoTime();
    for (Socket s : slow) {
      String answer = readAll(s.getInputStream());
      assertThat(answer.isEmpty() || answer.startsWith("HTTP/1.1 408")).as(answer).isTrue();
      s.close();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void a_connection_that_sends_nothing_is_closed_after_the_idle_timeout() throws Exception {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(15_000);

      // The server closes it: read returns end of stream instead of timing out.
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }

  private String get(String path) throws Exception {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return readAll(s.getInputStream());
    }
  }

  static String readAll(InputStream in) throws Exception {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }
}
