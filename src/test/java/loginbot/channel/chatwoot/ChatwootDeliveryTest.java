package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import loginbot.MutableClock;
import loginbot.delivery.Backoff;
import loginbot.delivery.ChatwootDeliverer;
import loginbot.delivery.OutboxDispatcher;
import loginbot.dialogue.Action;
import loginbot.dialogue.Turn;
import loginbot.store.ConversationStore;
import loginbot.store.InMemoryStore;
import loginbot.store.TurnWrite;
import loginbot.web.Json;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ChatwootDeliveryTest {
  @StartStop final MockWebServer chatwoot = new MockWebServer();

  private final ScriptedChatwoot script = new ScriptedChatwoot();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-17T08:15:00Z"));
  private final ConversationStore store = new InMemoryStore(clock);
  private final ChatwootOutbox outbox = new ChatwootOutbox(Json.newMapper(), OptionalLong.of(3));
  private final ConversationRef a = new ConversationRef(1, 7);
  private final ConversationRef b = new ConversationRef(1, 8);

  private OutboxDispatcher dispatcher(HttpUrl baseUrl, OkHttpClient http) {
    var client = new ChatwootClient(http, baseUrl, "bot-token", Json.newMapper());
    return new OutboxDispatcher(
        store,
        List.of(new ChatwootDeliverer(client, outbox)),
        clock,
        new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.5));
  }

  private OutboxDispatcher dispatcher() {
    chatwoot.setDispatcher(script);
    return dispatcher(chatwoot.url("/"), ChatwootClient.defaultHttpClient());
  }

  /** Writes a turn's calls into the outbox exactly as ConversationService does. */
  private void queue(ConversationRef c, String messageId, Turn turn) {
    store.runTurn(
        c.key(),
        "chatwoot",
        messageId,
        current ->
            new TurnWrite(
                turn.next(),
                List.of(),
                turn.actions().stream()
                    .filter(Action.Handoff.class::isInstance)
                    .map(h -> ((Action.Handoff) h).packet())
                    .findFirst(),
                turn.replies(),
                outbox.calls(c, Map.of("plan", "premium"), turn).stream()
                    .map(outbox::draft)
                    .toList()));
  }

  private List<String> received(int count) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RecordedRequest r = chatwoot.takeRequest(5, TimeUnit.SECONDS);
      lines.add(
          r == null ? "nothing" : r.getMethod() + " " + r.getTarget() + " " + r.getBody().utf8());
    }
    return lines;
  }

  @Test
  void reply_is_delivered_and_leaves_the_outbox() throws Exception {
    // given
    queue(a, "m1", Packets.reply("Hello"));

    // when
    int delivered = dispatcher().deliverDue();

    // then
    assertThat(delivered).isEqualTo(1);
    assertThat(received(1))
        .containsExactly(
            "POST /api/v1/accounts/1/conversations/7/messages "
                + "{\"content\":\"Hello\",\"message_type\":\"outgoing\",\"private\":false,\"content_type\":\"text\"}");
    assertThat(store.dueOutbox(clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
  }

  @Test
  void handoff_calls_arrive_in_order_in_one_pass() throws Exception {
    // given
    queue(a, "m1", Packets.handoff());

    // when
    int delivered = dispatcher().deliverDue();

    // then
    assertThat(delivered).isEqualTo(5);
    assertThat(received(5))
        .extracting(line -> line.substring(0, line.indexOf(' ', 5)))
        .containsExactly(
            "POST /api/v1/accounts/1/conversations/7/messages",
            "POST /api/v1/accounts/1/conversations/7/messages",
            "POST /api/v1/accounts/1/conversations/7/custom_attributes",
            "POST /api/v1/accounts/1/conversations/7/assignments",
            "POST /api/v1/accounts/1/conversations/7/toggle_status");
  }

  @Test
  void chatwoot_answering_500_twice_then_200_gets_the_message_once_after_retries()
      throws Exception {
    // given
    script.then(500).then(500);
    queue(a, "m1", Packets.reply("Hello"));
    OutboxDispatcher dispatcher = dispatcher();

    // when
    int first = dispatcher.deliverDue();
    int tooEarly = dispatcher.deliverDue();
    clock.advance(Duration.ofSeconds(2));
    int second = dispatcher.deliverDue();
    clock.advance(Duration.ofSeconds(4));
    int third = dispatcher.deliverDue();
    int afterwards = dispatcher.deliverDue();

    // then
    assertThat(List.of(first, tooEarly, second, third, afterwards)).containsExactly(0, 0, 0, 1, 0);
    assertThat(chatwoot.getRequestCount()).isEqualTo(3);
    assertThat(received(3)).allMatch(line -> line.contains("\"content\":\"Hello\""));
    assertThat(store.dueOutbox(clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
  }

  @Test
  void a_failing_call_holds_back_its_conversation_but_not_the_others() throws Exception {
    // given
    script.then(503);
    queue(a, "m1", Packets.handoff());
    queue(b, "m2", Packets.reply("Bonjour"));
    OutboxDispatcher dispatcher = dispatcher();

    // when
    dispatcher.deliverDue();

    // then: a's notice failed, so nothing else of a was sent; b went through
    assertThat(received(2))
        .extracting(line -> line.substring(0, line.indexOf(' ', 5)))
        .containsExactly(
            "POST /api/v1/accounts/1/conversations/7/messages",
            "POST /api/v1/accounts/1/conversations/8/messages");
    assertThat(chatwoot.getRequestCount()).isEqualTo(2);

    // when: the retry is due
    clock.advance(Duration.ofMinutes(1));
    int delivered = dispatcher.deliverDue();

    // then: the whole handoff, notice first
    assertThat(delivered).isEqualTo(5);
    assertThat(received(5).get(0)).contains("Je vous passe un collègue");
  }

  @Test
  void refused_call_is_logged_and_dropped_and_the_next_one_goes_out() throws Exception {
    // given: Chatwoot refuses the note (e.g. 422), which would fail the same way forever
    script.then(200).then(422);
    queue(a, "m1", Packets.handoff());

    // when
    int done = dispatcher().deliverDue();

    // then
    assertThat(done).isEqualTo(5);
    assertThat(chatwoot.getRequestCount()).isEqualTo(5);
    assertThat(received(5).get(4)).contains("toggle_status");
  }

  @Test
  void chatwoot_down_across_a_restart_still_gets_the_whole_handoff_in_order() throws Exception {
    // given: Chatwoot is down (connection refused) while the handoff is queued
    MockWebServer down = new MockWebServer();
    down.start();
    HttpUrl deadUrl = down.url("/");
    down.close();
    queue(a, "m1", Packets.handoff());
    OutboxDispatcher beforeRestart = dispatcher(deadUrl, ChatwootClient.defaultHttpClient());
    beforeRestart.start(Duration.ofHours(1));
    int deliveredWhileDown = beforeRestart.deliverDue();
    beforeRestart.stop();

    // when: the process restarts with a fresh dispatcher over the same store, and Chatwoot is back
    clock.advance(Duration.ofMinutes(5));
    int delivered = dispatcher().deliverDue();

    // then
    assertThat(deliveredWhileDown).isZero();
    assertThat(delivered).isEqualTo(5);
    assertThat(received(5))
        .extracting(line -> line.substring(0, line.indexOf(' ', 5)))
        .containsExactly(
            "POST /api/v1/accounts/1/conversations/7/messages",
            "POST /api/v1/accounts/1/conversations/7/messages",
            "POST /api/v1/accounts/1/conversations/7/custom_attributes",
            "POST /api/v1/accounts/1/conversations/7/assignments",
            "POST /api/v1/accounts/1/conversations/7/toggle_status");
  }

  @Test
  void chatwoot_that_does_not_answer_in_time_is_retried() throws Exception {
    // given: a client with a short read timeout, and a Chatwoot that stalls once
    chatwoot.setDispatcher(
        script.then(
            new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build()));
    OkHttpClient impatient =
        ChatwootClient.defaultHttpClient().newBuilder().readTimeout(Duration.ofMillis(200)).build();
    queue(a, "m1", Packets.reply("Hello"));
    OutboxDispatcher dispatcher = dispatcher(chatwoot.url("/"), impatient);

    // when
    int first = dispatcher.deliverDue();
    clock.advance(Duration.ofMinutes(1));
    int second = dispatcher.deliverDue();

    // then
    assertThat(first).isZero();
    assertThat(second).isEqualTo(1);
  }

  @Test
  void started_dispatcher_delivers_on_its_own_when_woken() throws Exception {
    // given
    OutboxDispatcher dispatcher = dispatcher();
    dispatcher.start(Duration.ofHours(1));
    try {
      queue(a, "m1", Packets.reply("Hello"));

      // when
      dispatcher.wakeUp();

      // then
      assertThat(received(1).get(0)).contains("\"content\":\"Hello\"");
    } finally {
      dispatcher.stop();
    }
  }

  @Test
  void items_of_other_channels_are_left_alone() {
    // given
    store.runTurn(
        "web:1",
        "web",
        "m1",
        current ->
            new TurnWrite(
                Packets.state(loginbot.dialogue.Status.BOT),
                List.of(),
                Optional.empty(),
                List.of(),
                List.of(new loginbot.store.OutboxItem.Draft("web.push", "{}"))));

    // when
    int done = dispatcher().deliverDue();

    // then
    assertThat(done).isZero();
    assertThat(chatwoot.getRequestCount()).isZero();
    assertThat(store.dueOutbox(clock.instant(), 10)).hasSize(1);
  }
}
