package loginbot.channel.chatwoot;

import static loginbot.channel.chatwoot.ChatwootImagesTest.CONVERSATION;
import static loginbot.channel.chatwoot.ChatwootImagesTest.FILE;
import static loginbot.channel.chatwoot.ChatwootImagesTest.STORED;
import static loginbot.channel.chatwoot.ChatwootImagesTest.french;
import static loginbot.channel.chatwoot.ChatwootImagesTest.said;
import static loginbot.channel.chatwoot.ChatwootImagesTest.serveScreen;
import static loginbot.channel.chatwoot.ChatwootImagesTest.withImage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import loginbot.TestBot;
import loginbot.attachment.Tesseract;
import loginbot.channel.chatwoot.LiveChatwoot.Call;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A visitor sends a screenshot of the app's login screen in Chatwoot: the bot reads it with the
 * real Tesseract (an integration test: it runs the OCR program) and answers the case it shows, in
 * the visitor's language.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatwootScreenshotsIT {
  @StartStop final MockWebServer chatwoot = new MockWebServer();

  private LiveChatwoot live() {
    return new LiveChatwoot(
        TestBot.builder().clock(LiveChatwoot.clock()), chatwoot, Tesseract.require());
  }

  @Test
  void an_english_account_disabled_screenshot_starts_that_case_and_is_kept_with_the_conversation() {
    try (LiveChatwoot cw = live()) {
      serveScreen(cw, "Account disabled", false);

      var answer = cw.deliver(withImage(5001, null, chatwoot.url(FILE).toString(), 40_000));

      assertThat(answer.code()).isEqualTo(200);
      assertThat(answer.body()).contains("\"queued\"");
      List<Call> calls = cw.calls();
      assertThat(said(calls))
          .anySatisfy(t -> assertThat(t).contains("Your screen shows « Account disabled »"))
          .anySatisfy(t -> assertThat(t).contains("merger of two accounts"));
      assertThat(cw.downloads())
          .extracting(r -> r.getUrl().encodedPath())
          .containsExactly(FILE, STORED);
      assertThat(cw.downloads().get(0).getHeaders().get("api_access_token")).isEqualTo("bot-token");
      var kept = cw.attachments.list(CONVERSATION);
      assertThat(kept).hasSize(1);
      assertThat(kept.get(0).mediaType()).isEqualTo("image/png");
      assertThat(kept.get(0).text()).contains("Account disabled");
      assertThat(cw.bot.store.transcript(CONVERSATION, 0).toString())
          .contains("[image " + kept.get(0).id() + "]");
      assertThat(cw.bot.store.find(CONVERSATION).orElseThrow().state().caseId())
          .isEqualTo("account_disabled");
    }
  }

  @Test
  void a_french_screenshot_sent_with_text_gets_both_answered_in_french() {
    try (LiveChatwoot cw = live()) {
      serveScreen(cw, "Compte désactivé", true);

      var answer =
          cw.deliver(
              french(
                  withImage(
                      5001, "Bonjour, voici mon écran", chatwoot.url(FILE).toString(), 40_000)));

      assertThat(answer.body()).contains("\"processed\"", "1 image to read");
      List<String> said = said(cw.calls());
      assertThat(said).isNotEmpty();
      assertThat(said)
          .anySatisfy(t -> assertThat(t).contains("Votre écran affiche « Compte désactivé »"))
          .anySatisfy(t -> assertThat(t).contains("fusion de deux comptes"));
      assertThat(cw.attachments.list(CONVERSATION)).hasSize(1);
    }
  }
}
