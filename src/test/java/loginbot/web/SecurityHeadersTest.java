package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import loginbot.channel.widget.WidgetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {
  private final WidgetServer server =
      new WidgetServer(AllowedOrigins.parse(List.of("https://app.example.com")));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void every_response_carries_the_security_headers() {
    for (String path :
        List.of("/", "/widget.js", "/agent", "/api/conversations", "/no/such/page", "/health")) {

      HttpResponse<String> response = server.get(path, b -> {});

      assertThat(response.headers().firstValue("X-Content-Type-Options"))
          .as(path)
          .hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("default-src 'none'", "script-src 'self'", "object-src 'none'")
                      .doesNotContain("unsafe-inline")
                      .doesNotContain("unsafe-eval"));
    }
  }

  @Test
  void widget_pages_may_be_framed_by_allowed_origins_but_the_console_never() {
    HttpResponse<String> demo = server.get("/", b -> {});
    HttpResponse<String> console = server.get("/agent", b -> {});

    assertThat(demo.headers().firstValue("Content-Security-Policy").orElseThrow())
        .endsWith("frame-ancestors 'self' https://app.example.com");
    assertThat(console.headers().firstValue("Content-Security-Policy").orElseThrow())
        .endsWith("frame-ancestors 'none'");
    assertThat(console.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void https_behind_a_proxy_turns_on_strict_transport_security() {
    HttpResponse<String> plain = server.get("/", b -> {});
    HttpResponse<String> proxied = server.get("/", b -> b.header("X-Forwarded-Proto", "https"));

    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
  }

  @Test
  void assets_are_served_with_their_type_and_revalidated_by_etag() {
    HttpResponse<String> script = server.get("/widget.js", b -> {});
    String etag = script.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = server.get("/widget.js", b -> b.header("If-None-Match", etag));

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }
}
