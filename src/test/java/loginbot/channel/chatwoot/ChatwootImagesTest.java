package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import loginbot.TestBot;
import loginbot.attachment.LoginScreens;
import loginbot.attachment.Ocr;
import loginbot.channel.chatwoot.LiveChatwoot.Call;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A visitor sends a screenshot in Chatwoot: the webhook answers at once, the bot fetches the image
 * from Chatwoot only and never elsewhere, keeps it with the conversation, and tells the visitor
 * what it could not do. Reading real screenshots with Tesseract: {@link ChatwootScreenshotsIT}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatwootImagesTest {
  static final String FILE = "/rails/active_storage/blobs/redirect/eyJfcmFpbHMi/screenshot.png";
  static final String STORED = "/rails/active_storage/disk/eyJfcmFpbHMi/screenshot.png";
  static final String CONVERSATION = "cw:3:7";

  @StartStop final MockWebServer chatwoot = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  private LiveChatwoot live(Ocr ocr) {
    return new LiveChatwoot(TestBot.builder().clock(LiveChatwoot.clock()), chatwoot, ocr);
  }

  /** Message {@code id}, its text (null: an image alone) and one image at {@code dataUrl}. */
  static ObjectNode withImage(long id, String text, String dataUrl, long size) {
    ObjectNode event = LiveChatwoot.message("message_created_incoming.json", id, text);
    if (text == null) {
      event.putNull("content");
    }
    ArrayNode files = event.putArray("attachments");
    files
        .addObject()
        .put("id", 900 + id)
        .put("message_id", id)
        .put("file_type", "image")
        .put("account_id", 3)
        .put("extension", (String) null)
        .put("data_url", dataUrl)
        .put("thumb_url", dataUrl)
        .put("file_size", size)
        .put("width", 750)
        .put("height", 1334);
    return event;
  }

  static ObjectNode french(ObjectNode event) {
    ((ObjectNode) event.at("/conversation/additional_attributes")).put("browser_language", "fr");
    return event;
  }

  /** Serves a drawn login screen as Chatwoot does: a redirect, then the stored file. */
  static byte[] serveScreen(LiveChatwoot cw, String error, boolean french) {
    byte[] png =
        LoginScreens.png(
            LoginScreens.draw(error, LoginScreens.Look.plain("DejaVu Sans", 32, french)));
    cw.scripted
        .file(FILE, new MockResponse.Builder().code(302).setHeader("Location", STORED).build())
        .file(
            STORED,
            new MockResponse.Builder()
                .setHeader("Content-Type", "image/png")
                .body(new Buffer().write(png))
                .build());
    return png;
  }

  static List<String> said(List<Call> calls) {
    return calls.stream()
        .filter(c -> c.target().endsWith("/messages"))
        .filter(c -> !c.body().path("private").asBoolean())
        .map(Call::content)
        .toList();
  }

  @Test
  void an_image_on_another_host_or_redirected_there_is_not_fetched_and_the_visitor_is_told() {
    try (LiveChatwoot cw = live(Ocr.NONE)) {
      String otherHost =
          elsewhere.url(FILE).newBuilder().host("127.0.0.1").build().toString(); // not localhost
      cw.scripted.file(
          FILE,
          new MockResponse.Builder()
              .code(302)
              .setHeader("Location", elsewhere.url(STORED).toString())
              .build());

      cw.deliver(withImage(5001, null, otherHost, 40_000));
      cw.deliver(withImage(5002, null, chatwoot.url(FILE).toString(), 40_000));

      assertThat(said(cw.calls()))
          .filteredOn(t -> t.contains("I couldn't open your image"))
          .hasSize(2);
      assertThat(elsewhere.getRequestCount()).isZero();
      assertThat(cw.downloads()).extracting(r -> r.getUrl().encodedPath()).containsExactly(FILE);
      assertThat(cw.attachments.list(CONVERSATION)).isEmpty();
      assertThat(cw.bot.store.transcript(CONVERSATION, 0).toString())
          .contains("[image not kept: it could not be fetched]");
    }
  }

  @Test
  void an_oversize_image_is_refused_in_the_visitors_language_and_its_text_is_still_answered() {
    try (LiveChatwoot cw = live(Ocr.NONE)) {
      // Chatwoot says 40 kB, and the body comes in chunks with no length: the limit holds while
      // reading.
      byte[] huge = new byte[6 * 1024 * 1024];
      byte[] png = LoginScreens.png(new java.awt.image.BufferedImage(8, 8, 1));
      System.arraycopy(png, 0, huge, 0, png.length);
      cw.scripted.file(
          STORED,
          new MockResponse.Builder().chunkedBody(new Buffer().write(huge), 64 * 1024).build());

      var answer =
          cw.deliver(
              french(
                  withImage(
                      5001, "Mon compte est désactivé", chatwoot.url(STORED).toString(), 40_000)));
      cw.deliver(french(withImage(5002, null, chatwoot.url(STORED).toString(), 9_000_000)));

      assertThat(answer.body()).contains("\"processed\"");
      List<String> said = said(cw.calls());
      assertThat(said).anySatisfy(t -> assertThat(t).contains("fusion de deux comptes"));
      assertThat(said)
          .filteredOn(t -> t.startsWith("Votre image est trop grande pour moi (5 Mo au maximum)"))
          .hasSize(2);
      // The declared 9 MB one is not even fetched.
      assertThat(cw.downloads()).hasSize(1);
      assertThat(cw.attachments.list(CONVERSATION)).isEmpty();
    }
  }

  @Test
  void
      without_a_text_reader_the_image_is_kept_the_bot_says_so_and_a_redelivery_is_processed_once() {
    try (LiveChatwoot cw = live(Ocr.NONE)) {
      serveScreen(cw, "Account disabled", false);
      ObjectNode event = withImage(5001, null, chatwoot.url(FILE).toString(), 40_000);

      cw.deliver(event, "delivery-a");
      cw.deliver(event, "delivery-a"); // Chatwoot's own retry
      cw.deliver(event, "delivery-b"); // the same event, delivered again
      List<Call> first = cw.calls();
      var later = cw.deliver(event, "delivery-c");

      assertThat(said(first)).filteredOn(t -> t.contains("I can't read images myself")).hasSize(1);
      assertThat(later.body()).contains("\"duplicate\"");
      assertThat(said(cw.calls())).isEmpty();
      assertThat(cw.downloads())
          .extracting(r -> r.getUrl().encodedPath())
          .containsExactly(FILE, STORED);
      assertThat(cw.attachments.list(CONVERSATION)).hasSize(1);
    }
  }

  @Test
  void a_message_sent_while_an_image_is_fetched_is_answered_after_the_image() {
    try (LiveChatwoot cw = live(Ocr.NONE)) {
      byte[] png =
          LoginScreens.png(
              LoginScreens.draw("", LoginScreens.Look.plain("DejaVu Sans", 30, false)));
      cw.scripted.file(
          STORED,
          new MockResponse.Builder()
              .headersDelay(1, TimeUnit.SECONDS) // a slow Chatwoot
              .body(new Buffer().write(png))
              .build());

      cw.deliver(withImage(5001, null, chatwoot.url(STORED).toString(), 40_000));
      var next = cw.visitorSays(5002, "I forgot my password");

      assertThat(next.code()).isEqualTo(200);
      assertThat(next.body()).contains("behind an image being read");
      List<String> said = said(cw.calls());
      int image = indexOf(said, "I can't read images myself");
      int answer = indexOf(said, "receive an email to change your password");
      assertThat(image).isNotNegative();
      assertThat(answer).isGreaterThan(image);
    }
  }

  private static int indexOf(List<String> said, String part) {
    for (int i = 0; i < said.size(); i++) {
      if (said.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void files_other_than_images_are_left_to_the_agents_and_the_text_is_answered() {
    try (LiveChatwoot cw = live(Ocr.NONE)) {
      ObjectNode event = withImage(5001, "My account is disabled", "https://x.invalid/a", 10);
      ((ObjectNode) event.at("/attachments/0")).put("file_type", "audio");

      var answer = cw.deliver(event);

      assertThat(answer.body()).contains("\"processed\"").doesNotContain("image");
      assertThat(said(cw.calls()))
          .anySatisfy(t -> assertThat(t).contains("merger of two accounts"));
      assertThat(cw.downloads()).isEmpty();
    }
  }
}
