package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors Jetty answers before any route (bad request line, huge headers) carry the headers too. */
class ServerErrorPagesTest {
  private final Javalin app =
      WebServer.create(
              Json.newMapper(), List.of(new SecurityHeaders(AllowedOrigins.sameOriginOnly())))
          .start("127.0.0.1", 0);

  @AfterEach
  void stop() {
    app.stop();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\nConnection: close\r\n\r\n",
        "GET / HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"
      })
  void jettys_own_error_answers_carry_the_security_headers(String request) throws Exception {
    String raw = request.replace("%s", "a".repeat(20_000));
    String answer;
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(raw.getBytes(StandardCharsets.US_ASCII));
      answer = SlowClientsTest.readAll(s.getInputStream());
    }
    String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));

    assertThat(head).matches("(?s)HTTP/1.1 (4\\d\\d|505) .*");
    assertThat(head)
        .contains("Content-Security-Policy: default-src 'none'")
        .contains("X-Content-Type-Options: nosniff")
        .contains("X-Frame-Options: DENY")
        .contains("Referrer-Policy: no-referrer")
        .doesNotContain("Server: Jetty");
  }
}
