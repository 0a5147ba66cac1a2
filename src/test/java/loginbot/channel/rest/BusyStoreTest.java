package loginbot.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import loginbot.TestBot;
import loginbot.store.BoundedStore;
import loginbot.store.InMemoryStore;
import loginbot.store.TurnResult;
import loginbot.web.Json;
import loginbot.web.Requests;
import loginbot.web.WebServer;
import org.junit.jupiter.api.Test;

/**
 * Under overload the REST channel answers at once with a status clients retry, and loses nothing.
 */
class BusyStoreTest {

  @Test
  void a_message_the_store_queue_refuses_gets_503_with_retry_after_and_leaves_no_trace()
      throws Exception {
    // given a store whose only place is held by another turn
    BoundedStore store =
        new BoundedStore(new InMemoryStore(TestBot.create().clock), 1, 0, Duration.ofMinutes(1));
    TestBot bot = TestBot.builder().store(store).build();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch held = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    Future<TurnResult> holding =
        other.submit(
            () ->
                store.runTurn(
                    "someone-else",
                    "test",
                    null,
                    current -> {
                      held.countDown();
                      await(release);
                      throw new IllegalStateException("the held turn writes nothing");
                    }));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

    try {
      TestBot.serve(
          WebServer.create(
              Json.newMapper(),
              List.of(
                  new RestChannel(
                      bot.service,
                      new Requests(Json.newMapper()),
                      Json.newMapper(),
                      loginbot.web.AllowedOrigins.sameOriginOnly()))),
          (server, client) -> {
            // when
            var response =
                client.post("/webhooks/rest/webhook", "{\"sender\":\"alice\",\"message\":\"hi\"}");

            // then
            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().get("Retry-After")).containsExactly("1");
            assertThat(response.body().string()).contains("\"busy\"");
            release.countDown();
            assertThatThrownBy(() -> holding.get(10, TimeUnit.SECONDS))
                .hasMessageContaining("the held turn writes nothing");
            assertThat(store.find("alice")).isEmpty();
            var retried =
                client.post("/webhooks/rest/webhook", "{\"sender\":\"alice\",\"message\":\"hi\"}");
            assertThat(retried.code()).isEqualTo(200);
          });
    } finally {
      release.countDown();
      other.shutdown();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
