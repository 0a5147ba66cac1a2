package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import loginbot.attachment.LoginScreens;
import loginbot.attachment.Tesseract;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A customer sends a screenshot of the error: the bot reads it with the real Tesseract, the agent
 * sees it. An integration test (failsafe): each upload is a run of the external OCR program.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WidgetScreenshotsIT {
  private WidgetServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void a_french_account_disabled_screen_starts_that_case_and_reaches_the_agent_only()
      throws Exception {
    server =
        new WidgetServer(AllowedOrigins.sameOriginOnly(), Clock.systemUTC(), Tesseract.require());
    WidgetChannel.Created mine = server.createConversation();
    byte[] screen =
        LoginScreens.png(
            LoginScreens.draw(
                "Compte désactivé", LoginScreens.Look.plain("DejaVu Sans", 32, true)));

    var sent = server.upload(mine, screen, "m-1");

    assertThat(sent.statusCode()).isEqualTo(201);
    JsonNode body = server.parse(sent);
    String replies = body.get("replies").toString();
    assertThat(replies).contains("Votre écran affiche « Compte désactivé »");
    assertThat(body.get("lines").get(0).get("author").asText()).isEqualTo("user");
    String attachment = body.get("lines").get(0).get("attachment").asText();
    assertThat(attachment).startsWith("att_");
    assertThat(body.get("lines").get(0).get("text").asText()).isEmpty();
    var state = server.store.find(mine.id()).orElseThrow().state();
    assertThat(state.pendingCaseId()).isEqualTo("account_disabled"); // after the role question
    assertThat(state.language().code()).isEqualTo("fr");

    String path = "/widget/conversations/" + mine.id() + "/attachments/" + attachment;
    var own = server.bytes(path, b -> b.header("X-Widget-Token", mine.token()));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(own.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
    assertThat(ImageIO.read(new ByteArrayInputStream(own.body())).getWidth()).isEqualTo(750);

    WidgetChannel.Created other = server.createConversation();
    assertThat(server.bytes(path, b -> b.header("X-Widget-Token", other.token())).statusCode())
        .isEqualTo(403);
    assertThat(server.bytes(path, b -> {}).statusCode()).isEqualTo(401);

    var agentList =
        server.get(
            "/api/conversations/" + mine.id() + "/attachments",
            b -> b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN));
    assertThat(agentList.body()).contains(attachment, "Compte");
    var agentImage =
        server.bytes(
            "/api/conversations/" + mine.id() + "/attachments/" + attachment,
            b -> b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN));
    assertThat(agentImage.statusCode()).isEqualTo(200);
    assertThat(agentImage.body()).isEqualTo(own.body());
  }

  @Test
  void a_password_shown_in_clear_on_the_screen_is_masked_in_the_transcript() {
    server =
        new WidgetServer(AllowedOrigins.sameOriginOnly(), Clock.systemUTC(), Tesseract.require());
    WidgetChannel.Created mine = server.createConversation();
    var look = new LoginScreens.Look("DejaVu Sans", 30, false, false, "Soleil2024!");
    byte[] screen = LoginScreens.png(LoginScreens.draw("Account disabled", look));

    server.upload(mine, screen, "m-1");

    String transcript = server.store.transcript(mine.id(), 0).toString();
    assertThat(transcript).contains("[image att_").contains("Account disabled");
    assertThat(transcript).doesNotContain("Soleil2024");
    assertThat(server.attachments.list(mine.id()).get(0).text()).doesNotContain("Soleil2024");
  }
}
