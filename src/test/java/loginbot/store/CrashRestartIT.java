package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a loginbot on the embedded store, in the middle of conversations and under load, then
 * a restart on the same DATA_DIR: nothing acknowledged is lost and every conversation goes on.
 */
class CrashRestartIT {
  static final List<String> WALK = List.of("hi", "/case invalid_credentials", "/no", "/no");
  static final int CRASH_AFTER = 3;
  static final int LOADERS = 4;

  private final BotClient client = new BotClient();

  @TempDir Path dataDir;

  @Test
  void after_kill_9_conversations_continue_at_the_same_step_and_a_handed_off_chat_stays_silent()
      throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString());
    LoginbotProcess before = LoginbotProcess.start("crash-before", env);
    List<List<String>> acknowledged = new ArrayList<>();
    JsonNode handedOff;
    try {
      for (String text : WALK.subList(0, CRASH_AFTER)) {
        client.send(before.base(), "walk", text, null);
      }
      client.send(before.base(), "handoff", "hi", null);
      client.send(before.base(), "handoff", "/human", null);
      handedOff = client.conversation(before.base(), "handoff");
      assertThat(handedOff.path("status").asText()).isEqualTo("handoff");
      assertThat(handedOff.path("handoff").isObject()).as("handoff packet").isTrue();

      acknowledged.addAll(killUnderLoad(before));
    } finally {
      before.kill();
    }

    try (LoginbotProcess after = LoginbotProcess.start("crash-after", env)) {
      URI base = after.base();
      assertThat(BotClient.lines(client.conversation(base, "walk"), "USER"))
          .isEqualTo(WALK.subList(0, CRASH_AFTER));
      List<String> continued = client.send(base, "walk", WALK.get(CRASH_AFTER), null);
      List<String> control = new ArrayList<>();
      for (String text : WALK) {
        control = client.send(base, "control", text, null);
      }
      assertThat(continued)
          .as("the step after the crash, compared with an uninterrupted run")
          .isNotEmpty()
          .isEqualTo(control);

      JsonNode restored = client.conversation(base, "handoff");
      assertThat(restored.path("status").asText()).isEqualTo("handoff");
      assertThat(restored.path("handoff")).isEqualTo(handedOff.path("handoff"));
      assertThat(client.send(base, "handoff", "hello? anyone there?", null)).isEmpty();
      assertThat(BotClient.lines(client.conversation(base, "handoff"), "USER"))
          .endsWith("hello? anyone there?");

      for (int k = 0; k < LOADERS; k++) {
        List<String> stored = BotClient.lines(client.conversation(base, "load" + k), "USER");
        List<String> acked = acknowledged.get(k);
        assertThat(stored)
            .as("load%d: every acknowledged message is stored, in order", k)
            .startsWith(acked.toArray(String[]::new));
        assertThat(stored.size())
            .as("load%d: at most the one in-flight message besides", k)
            .isLessThanOrEqualTo(acked.size() + 1);
      }
    }
  }

  /**
   * Keeps {@value #LOADERS} conversations busy and kills the server once each had a few answers.
   */
  private List<List<String>> killUnderLoad(LoginbotProcess server) throws Exception {
    List<List<String>> acknowledged = new ArrayList<>();
    CountDownLatch warm = new CountDownLatch(LOADERS);
    List<Thread> loaders = new ArrayList<>();
    for (int k = 0; k < LOADERS; k++) {
      List<String> acked = Collections.synchronizedList(new ArrayList<>());
      acknowledged.add(acked);
      String id = "load" + k;
      Thread t =
          new Thread(
              () -> {
                for (int m = 0; ; m++) {
                  String text = id + " message " + m + ": I can't log in";
                  try {
                    client.send(server.base(), id, text, id + "-" + m);
                  } catch (IOException | InterruptedException e) {
                    return; // the server is gone
                  }
                  acked.add(text);
                  if (m == 5) {
                    warm.countDown();
                  }
                }
              },
              "loader-" + k);
      t.start();
      loaders.add(t);
    }
    assertThat(warm.await(2, TimeUnit.MINUTES)).as("load reached the server").isTrue();
    server.kill();
    for (Thread t : loaders) {
      t.join(TimeUnit.MINUTES.toMillis(1));
    }
    List<List<String>> copies = new ArrayList<>();
    acknowledged.forEach(a -> copies.add(List.copyOf(a)));
    return copies;
  }
}
