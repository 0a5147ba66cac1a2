package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import loginbot.App;
import loginbot.Config;
import loginbot.attachment.LoginScreens;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as it runs (embedded database, no text reader): a Chatwoot visitor's image is fetched,
 * kept in the database with the conversation for agents, and the bot says it cannot read it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChatwootImagesAppTest {
  static final String AGENT = "agent-token-0123456789abcdef";

  @StartStop final MockWebServer chatwoot = new MockWebServer();
  @TempDir Path dataDir;

  @Test
  void a_visitors_image_is_kept_for_agents_and_the_bot_says_it_cannot_read_it() throws Exception {
    ScriptedChatwoot scripted = new ScriptedChatwoot();
    byte[] png =
        LoginScreens.png(
            LoginScreens.draw(
                "Account disabled", LoginScreens.Look.plain("DejaVu Sans", 30, false)));
    scripted.file(
        ChatwootImagesTest.STORED,
        new MockResponse.Builder().body(new Buffer().write(png)).build());
    chatwoot.setDispatcher(scripted);
    Files.createDirectories(dataDir);
    try (App app =
        App.start(
            Config.fromEnv(
                Map.of(
                    "PORT",
                    "0",
                    "DATA_DIR",
                    dataDir.toString(),
                    "AGENT_TOKENS",
                    "Alice:" + AGENT,
                    "TESSERACT",
                    "off",
                    "CHATWOOT_BASE_URL",
                    chatwoot.url("/").toString(),
                    "CHATWOOT_API_TOKEN",
                    "bot-token",
                    "CHATWOOT_WEBHOOK_SECRET",
                    LiveChatwoot.SECRET)))) {
      ObjectNode event = LiveChatwoot.message("message_created_incoming.json", 5001, null);
      event.putNull("content");
      event
          .putArray("attachments")
          .addObject()
          .put("id", 77)
          .put("file_type", "image")
          .put("data_url", chatwoot.url(ChatwootImagesTest.STORED).toString())
          .put("file_size", png.length);

      var answer =
          new WebhookClient(app.port(), LiveChatwoot.SECRET, Clock.systemUTC())
              .deliver(Fixtures.bytes(event));

      assertThat(answer.code()).isEqualTo(200);
      assertThat(answer.body()).contains("queued");
      List<String> said = new ArrayList<>();
      while (said.stream().noneMatch(t -> t.contains("I can't read images myself"))) {
        RecordedRequest r = chatwoot.takeRequest(30, TimeUnit.SECONDS);
        assertThat(r).as("the bot's answer to the image").isNotNull();
        if ("POST".equals(r.getMethod())) {
          said.add(LiveChatwoot.JSON.readTree(r.getBody().utf8()).path("content").asText());
        }
      }
      // The image is kept just after its turn, which may be posted before that.
      String list = "/api/conversations/" + ChatwootImagesTest.CONVERSATION + "/attachments";
      JsonNode kept = agent(app.port(), list);
      for (int i = 0; i < 100 && kept.isEmpty(); i++) {
        Thread.sleep(50);
        kept = agent(app.port(), list);
      }
      assertThat(kept).hasSize(1);
      assertThat(kept.get(0).get("mediaType").asText()).isEqualTo("image/png");
    }
  }

  private static JsonNode agent(int port, String path) throws Exception {
    Request request =
        new Request.Builder()
            .url("http://localhost:" + port + path)
            .header("Authorization", "Bearer " + AGENT)
            .build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return LiveChatwoot.JSON.readTree(response.body().string());
    }
  }
}
