package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.ops.RateLimiter;
import loginbot.ops.SenderRateLimit;
import loginbot.store.InMemoryStore;
import loginbot.store.TranscriptEntry;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Chatwoot retries a delivery only on 429 and 500 (3 tries, 3 s apart); anything else, and running
 * out of tries, opens the pending conversation to humans with no note. So the bot answers what it
 * cannot process now with one of those two, and queues a burst rather than refusing it.
 */
class ChatwootRetriesTest {
  @StartStop final MockWebServer chatwoot = new MockWebServer();

  @Test
  void a_store_outage_answers_500_which_chatwoot_retries_and_the_retry_is_processed() {
    MutableClock clock = LiveChatwoot.clock();
    OutageStore store = new OutageStore(new InMemoryStore(clock));
    try (LiveChatwoot cw =
        new LiveChatwoot(TestBot.builder().clock(clock).store(store), chatwoot)) {
      var event = LiveChatwoot.message("message_created_incoming.json", 5001, "I can't log in");

      // when: the database is down, then back when Chatwoot retries (same delivery id)
      store.down(true);
      var during = cw.deliver(event, "delivery-outage");
      store.down(false);
      var retry = cw.deliver(event, "delivery-outage");

      // then
      assertThat(during.code()).isEqualTo(500);
      assertThat(during.body()).contains("\"error\":\"unavailable\"");
      assertThat(retry.code()).isEqualTo(200);
      assertThat(retry.body()).contains("processed");
      assertThat(cw.calls()).isNotEmpty();
    }
  }

  @Test
  void a_burst_from_one_conversation_is_queued_and_every_message_answered() throws Exception {
    // given: a per-conversation limit of 2 at once, then 10 a second; Chatwoot's 10 workers
    TestBot.Builder builder =
        TestBot.builder()
            .clock(LiveChatwoot.clock())
            .gate(
                new SenderRateLimit(
                    new RateLimiter(new RateLimiter.Limit(600, 2)), new SimpleMeterRegistry()));
    ExecutorService sidekiq = Executors.newFixedThreadPool(10);
    try (LiveChatwoot cw = new LiveChatwoot(builder, chatwoot)) {
      TestBot bot = cw.bot;
      // when: 14 messages in one conversation at once
      List<Future<WebhookClient.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 14; i++) {
        long id = 5001L + i;
        answers.add(sidekiq.submit(() -> cw.visitorSays(id, "message number " + id)));
      }

      // then: none refused, all processed
      for (Future<WebhookClient.Answer> answer : answers) {
        assertThat(answer.get().code()).isEqualTo(200);
        assertThat(answer.get().body()).contains("processed");
      }
      assertThat(bot.store.transcript("cw:3:7", 0))
          .filteredOn(e -> e.author() == TranscriptEntry.Author.USER)
          .hasSize(14);
    } finally {
      sidekiq.shutdownNow();
    }
  }

  @Test
  void a_message_that_would_wait_longer_than_chatwoots_timeout_gets_429_to_retry() {
    // given: one message, then one per 10 s
    TestBot.Builder builder =
        TestBot.builder()
            .clock(LiveChatwoot.clock())
            .gate(
                new SenderRateLimit(
                    new RateLimiter(new RateLimiter.Limit(6, 1)), new SimpleMeterRegistry()));
    try (LiveChatwoot cw = new LiveChatwoot(builder, chatwoot)) {
      TestBot bot = cw.bot;
      var first = cw.visitorSays(5001, "I can't log in");
      var second = cw.visitorSays(5002, "hello?");

      assertThat(first.code()).isEqualTo(200);
      assertThat(second.code()).isEqualTo(429);
      assertThat(second.body()).contains("too_many_requests");
    }
  }
}
