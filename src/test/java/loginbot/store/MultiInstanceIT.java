package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two loginbot processes on one PostgreSQL behave as one: 50 conversations × 20 messages, sent
 * concurrently, each conversation's messages alternating between the instances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceIT {
  static final int CONVERSATIONS = 50;
  static final int MESSAGES = 20;
  static final List<String> PHRASES =
      List.of(
          "hi",
          "I can't log in",
          "it says invalid user or password",
          "no",
          "yes",
          "I forgot my password",
          "I never got the reset email",
          "my account is disabled",
          "no it didn't work",
          "can I talk to a human?",
          "thanks, bye");

  private final BotClient client = new BotClient();
  private TestPostgres postgres;
  private LoginbotProcess a;
  private LoginbotProcess b;

  @BeforeAll
  void startTwoInstances() throws Exception {
    postgres = TestPostgres.createSchema();
    Map<String, String> env = Map.of("DATABASE_URL", postgres.databaseUrlForEnv());
    // Started together, so both run the migrations at once: Flyway's lock must make that safe.
    CompletableFuture<LoginbotProcess> first = CompletableFuture.supplyAsync(() -> start("a", env));
    CompletableFuture<LoginbotProcess> second =
        CompletableFuture.supplyAsync(() -> start("b", env));
    a = first.join();
    b = second.join();
  }

  @AfterAll
  void stop() throws Exception {
    for (LoginbotProcess p : new LoginbotProcess[] {a, b}) {
      if (p != null) {
        p.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void interleaved_conversations_keep_send_order_and_every_message_is_answered_once()
      throws Exception {
    List<Sent> sent = sendAll("once", false);

    verify(sent);
  }

  @Test
  void every_message_delivered_twice_to_both_instances_at_once_runs_one_turn() throws Exception {
    List<Sent> sent = sendAll("twice", true);

    verify(sent);
  }

  /** What one conversation sent, and the replies it got, in send order. */
  record Sent(String id, List<String> texts, List<String> replies) {}

  private List<Sent> sendAll(String prefix, boolean twice) throws Exception {
    ExecutorService conversations = Executors.newFixedThreadPool(CONVERSATIONS);
    ExecutorService duplicates = Executors.newCachedThreadPool();
    try {
      List<Future<Sent>> futures = new ArrayList<>();
      for (int c = 0; c < CONVERSATIONS; c++) {
        int conversation = c;
        futures.add(
            conversations.submit(
                () -> converse(prefix + "-c" + conversation, conversation, twice, duplicates)));
      }
      List<Sent> sent = new ArrayList<>();
      for (Future<Sent> f : futures) {
        sent.add(f.get(5, TimeUnit.MINUTES));
      }
      return sent;
    } finally {
      conversations.shutdownNow();
      duplicates.shutdownNow();
    }
  }

  private Sent converse(String id, int conversation, boolean twice, ExecutorService duplicates)
      throws Exception {
    List<String> texts = new ArrayList<>();
    List<String> replies = new ArrayList<>();
    for (int m = 0; m < MESSAGES; m++) {
      String text =
          "message " + m + " of " + id + ": " + PHRASES.get((conversation + m) % PHRASES.size());
      String messageId = id + "-m" + m;
      URI here = ((conversation + m) % 2 == 0 ? a : b).base();
      URI there = ((conversation + m) % 2 == 0 ? b : a).base();
      List<String> answer;
      if (twice) {
        Future<List<String>> other =
            duplicates.submit(() -> client.send(there, id, text, messageId));
        answer = client.send(here, id, text, messageId);
        assertThat(other.get(1, TimeUnit.MINUTES))
            .as("replies to both deliveries of " + messageId)
            .isEqualTo(answer);
      } else {
        answer = client.send(here, id, text, messageId);
      }
      texts.add(text);
      replies.addAll(answer);
    }
    return new Sent(id, texts, replies);
  }

  private void verify(List<Sent> sent) throws Exception {
    int i = 0;
    for (Sent s : sent) {
      JsonNode conversation = client.conversation((i++ % 2 == 0 ? a : b).base(), s.id());
      assertThat(BotClient.lines(conversation, "USER"))
          .as("user lines of " + s.id())
          .isEqualTo(s.texts());
      assertThat(BotClient.lines(conversation, "BOT"))
          .as("bot lines of " + s.id())
          .isEqualTo(s.replies());
    }
  }

  private static LoginbotProcess start(String name, Map<String, String> env) {
    try {
      return LoginbotProcess.start(name, env);
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not start instance " + name + ": " + e.getMessage(), e);
    }
  }
}
