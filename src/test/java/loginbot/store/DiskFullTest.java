package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loginbot.App;
import loginbot.Config;
import loginbot.ops.OpsConfig;
import org.junit.jupiter.api.Test;

/**
 * The embedded database on a disk that fills up and is freed again, with the whole bot in front of
 * it: while writes fail, turns answer 503 with Retry-After and {@code /ready} answers 503; once
 * space is back, the bot works again by itself, without a restart.
 */
class DiskFullTest {
  private static final String AGENT = "disk-full-agent-token-0123456789";
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void a_full_disk_answers_503_and_fails_ready_then_the_bot_recovers_by_itself_when_space_is_freed()
      throws Exception {
    try (SmallDisk disk = SmallDisk.mount("3m");
        App app =
            App.start(
                Config.fromEnv(
                    Map.of(
                        "PORT",
                        "0",
                        "DATA_DIR",
                        disk.path().toString(),
                        "AGENT_TOKEN",
                        AGENT,
                        "SUPPORT_EMAIL",
                        "help@example.test")),
                OpsConfig.fromEnv(
                    Map.of("RATE_LIMIT_PER_MINUTE", "0", "RATE_LIMIT_IP_PER_MINUTE", "0")))) {
      URI base = URI.create("http://127.0.0.1:" + app.port());
      assertThat(send(base, "before", "I can't log in", 0).statusCode()).isEqualTo(200);

      disk.fill();
      List<Integer> whileFull = new ArrayList<>();
      HttpResponse<String> refused = null;
      // Each turn appends to the write-ahead log; within a few turns one needs a page the disk
      // no longer has.
      for (int i = 0; i < 40 && refused == null; i++) {
        HttpResponse<String> r = send(base, "full-" + i, "it says invalid password", i);
        whileFull.add(r.statusCode());
        if (r.statusCode() != 200) {
          refused = r;
        }
      }
      assertThat(refused).as("statuses while full: %s", whileFull).isNotNull();
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(get(base, "/ready").statusCode()).isEqualTo(503);

      disk.free();
      HttpResponse<String> ready = get(base, "/ready");
      HttpResponse<String> after = send(base, "after", "I can't log in", 100);
      HttpResponse<String> again = send(base, "before", "it says invalid password", 101);

      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      HttpResponse<String> kept =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/conversations/before"))
                  .header("Authorization", "Bearer " + AGENT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(kept.body()).contains("I can't log in").contains("it says invalid password");
    }
  }

  private HttpResponse<String> send(URI base, String sender, String text, int n) throws Exception {
    String body =
        "{\"sender\":\""
            + sender
            + "\",\"message\":\""
            + text
            + "\",\"metadata\":{\"message_id\":\"m"
            + n
            + "\",\"role\":\"customer\"}}";
    return http.send(
        HttpRequest.newBuilder(base.resolve("/webhooks/rest/webhook"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI base, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
