package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import loginbot.attachment.LoginScreens;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What the widget does with an upload it cannot or must not read: kept and answered when there is
 * no text reader, refused when it is no image. The screens read by the real Tesseract are in {@link
 * WidgetScreenshotsIT}.
 */
// A 5 MB upload: run alone, so a loaded machine's other test servers cannot starve it.
@Isolated
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WidgetUploadsTest {
  private WidgetServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void without_a_text_reader_the_image_is_kept_and_the_bot_says_it_cannot_read_it() {
    server = new WidgetServer(AllowedOrigins.sameOriginOnly());
    WidgetChannel.Created mine = server.createConversation();
    byte[] screen =
        LoginScreens.png(
            LoginScreens.draw(
                "Account disabled", LoginScreens.Look.plain("DejaVu Sans", 30, false)));

    JsonNode body = server.parse(server.upload(mine, screen, "m-1"));
    JsonNode again = server.parse(server.upload(mine, screen, "m-1"));

    assertThat(body.get("replies").toString()).contains("I can't read images myself");
    assertThat(again.get("duplicate").asBoolean()).isTrue();
    assertThat(server.attachments.list(mine.id())).hasSize(1);
  }

  @Test
  void what_is_not_a_small_png_jpeg_or_webp_is_refused_and_nothing_is_stored() {
    server = new WidgetServer(AllowedOrigins.sameOriginOnly());
    WidgetChannel.Created mine = server.createConversation();
    byte[] gif = "GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] text = "<svg onload=alert(1)>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] huge = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(LoginScreens.png(new java.awt.image.BufferedImage(8, 8, 1)), 0, huge, 0, 60);
    byte[] broken =
        java.util.Arrays.copyOf(LoginScreens.png(new java.awt.image.BufferedImage(80, 80, 1)), 40);

    assertThat(server.upload(mine, gif, "a").statusCode()).isEqualTo(415);
    assertThat(server.upload(mine, text, "b").statusCode()).isEqualTo(415);
    assertThat(server.upload(mine, huge, "c").statusCode()).isEqualTo(413);
    var damaged = server.upload(mine, broken, "d");
    assertThat(damaged.statusCode()).isEqualTo(400);
    assertThat(damaged.body()).contains("could not be read");
    assertThat(server.store.find(mine.id())).isEmpty();
  }
}
