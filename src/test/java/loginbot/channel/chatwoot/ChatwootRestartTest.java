package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.delivery.Backoff;
import loginbot.delivery.ChatwootDeliverer;
import loginbot.delivery.ChatwootOutput;
import loginbot.delivery.OutboxDispatcher;
import loginbot.delivery.Outputs;
import loginbot.dialogue.Status;
import loginbot.store.JdbcStore;
import loginbot.store.Stores;
import loginbot.web.Json;
import loginbot.web.WebServer;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A handoff must never be lost: queued while Chatwoot is down, it completes after a restart. */
class ChatwootRestartTest {
  private static final ObjectMapper JSON = Json.newMapper();

  @StartStop final MockWebServer chatwoot = new MockWebServer();

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-17T08:15:03Z"));
  private final ChatwootOutbox outbox = new ChatwootOutbox(JSON, OptionalLong.of(3));

  @Test
  void handoff_queued_while_chatwoot_is_down_is_delivered_in_order_by_the_next_process()
      throws Exception {
    // given: the first process, on an SQLite file, talking to a Chatwoot that refuses connections
    Path file = dir.resolve("loginbot.db");
    HttpUrl deadChatwoot = deadUrl();
    int deliveredWhileDown;
    try (JdbcStore first = Stores.sqlite(file, clock)) {
      var service =
          TestBot.builder()
              .clock(clock)
              .store(first)
              .outputs(Outputs.none().with(ChatwootWebhook.CHANNEL, new ChatwootOutput(outbox)))
              .build()
              .service;
      var webhook = new ChatwootWebhook(service, JSON, Optional.empty(), "role");
      TestBot.serve(
          WebServer.create(JSON, List.of(webhook)),
          (server, ignored) -> {
            ObjectNode message = Fixtures.tree("message_created_incoming.json");
            message.put("content", "I want to talk to a human");
            var answer =
                new WebhookClient(server.port(), null, clock).deliver(Fixtures.bytes(message));
            assertThat(answer.body()).contains("conversation is handoff");
          });
      OutboxDispatcher dispatcher = dispatcher(first, deadChatwoot);
      deliveredWhileDown = dispatcher.deliverDue();
      dispatcher.stop();
    }

    // when: a new process opens the same file, and Chatwoot is back
    clock.advance(Duration.ofMinutes(10));
    chatwoot.setDispatcher(new ScriptedChatwoot());
    int delivered;
    Status status;
    try (JdbcStore second = Stores.sqlite(file, clock)) {
      delivered = dispatcher(second, chatwoot.url("/")).deliverDue();
      status = second.find("cw:1:7").orElseThrow().state().status();
    }

    // then
    assertThat(deliveredWhileDown).isZero();
    assertThat(delivered).isEqualTo(5);
    assertThat(status).isEqualTo(Status.HANDOFF);
    List<String> received = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RecordedRequest r = chatwoot.takeRequest();
      received.add(
          r.getTarget() + " " + JSON.readTree(r.getBody().utf8()).path("private").asText(""));
    }
    assertThat(received)
        .containsExactly(
            "/api/v1/accounts/1/conversations/7/messages false",
            "/api/v1/accounts/1/conversations/7/messages true",
            "/api/v1/accounts/1/conversations/7/custom_attributes ",
            "/api/v1/accounts/1/conversations/7/assignments ",
            "/api/v1/accounts/1/conversations/7/toggle_status ");
  }

  private OutboxDispatcher dispatcher(JdbcStore store, HttpUrl chatwootUrl) {
    return new OutboxDispatcher(
        store,
        List.of(new ChatwootDeliverer(client(chatwootUrl), outbox)),
        clock,
        Backoff.standard());
  }

  private static ChatwootClient client(HttpUrl baseUrl) {
    return new ChatwootClient(ChatwootClient.defaultHttpClient(), baseUrl, "bot-token", JSON);
  }

  private static HttpUrl deadUrl() throws Exception {
    MockWebServer down = new MockWebServer();
    down.start();
    HttpUrl url = down.url("/");
    down.close();
    return url;
  }
}
