package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * widget.js and console-strings.js as served: with every language's interface strings from
 * lang/<code>/ui.yaml written in (no request more before the widget renders), an ETag, and the
 * widget still small enough to embed.
 */
class WidgetScriptTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void the_widget_script_carries_the_strings_and_languages_of_the_content() {
    HttpResponse<String> script = server.get("/widget.js", b -> {});

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body())
        .doesNotContain("/*@ui*/{}")
        .contains("\"en\":{\"title\":\"Account help\"")
        .contains("\"fr\":{\"title\":\"Aide à la connexion\"")
        .contains("\"send\":\"Envoyer\"");
  }

  @Test
  void the_script_is_revalidated_with_its_etag() {
    HttpResponse<String> first = server.get("/widget.js", b -> {});
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = server.get("/widget.js", b -> b.header("If-None-Match", etag));

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");
  }

  @Test
  void the_widget_with_its_stylesheet_stays_under_20_kB_gzipped() {
    int script = gzipped(server.get("/widget.js", b -> {}).body());
    int style = gzipped(server.get("/widget.css", b -> {}).body());

    assertThat(script + style).isLessThan(20 * 1024);
  }

  @Test
  void the_console_strings_come_in_every_language_with_english_first() {
    HttpResponse<String> script = server.get("/console-strings.js", b -> {});

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body())
        .contains("var STRINGS = /*@ui*/{\"en\":{\"agentConsole\":\"Agent console\"")
        .contains("\"fr\":{\"agentConsole\":\"Console des agents\"")
        .contains("var CASES = /*@cases*/[\"invalid_credentials\",\"forgot_password\"");
  }

  private static int gzipped(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size();
  }
}
