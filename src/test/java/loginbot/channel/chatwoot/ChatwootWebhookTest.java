package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.channel.ConversationService;
import loginbot.delivery.ChatwootOutput;
import loginbot.delivery.Outputs;
import loginbot.nlu.Nlu;
import loginbot.store.InMemoryStore;
import loginbot.web.Json;
import loginbot.web.WebServer;
import org.junit.jupiter.api.Test;

/**
 * The webhook's gatekeeping, which must refuse or ignore before anything reaches the dialogue: the
 * NLU here fails the test if it is ever called. Conversations the bot answers are in {@link
 * ChatwootConversationTest}.
 */
class ChatwootWebhookTest {
  private static final String SECRET = "cw-webhook-secret";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-17T08:15:03Z"));
  private final InMemoryStore store = new InMemoryStore(clock);
  private final AtomicInteger queued = new AtomicInteger();
  private final Nlu untouchable =
      text -> {
        throw new AssertionError("nothing should reach the NLU, got: " + text);
      };
  private final ConversationService service =
      TestBot.builder()
          .clock(clock)
          .store(store)
          .nlu(untouchable)
          .outputs(
              Outputs.none()
                  .with(
                      ChatwootWebhook.CHANNEL,
                      new ChatwootOutput(
                          new ChatwootOutbox(Json.newMapper(), OptionalLong.empty())))
                  .onQueued(queued::incrementAndGet))
          .build()
          .service;

  private Javalin app(Optional<SignatureVerifier> verifier) {
    var webhook = new ChatwootWebhook(service, Json.newMapper(), verifier, "role");
    return WebServer.create(Json.newMapper(), List.of(webhook));
  }

  private Javalin signedApp() {
    return app(Optional.of(new SignatureVerifier(SECRET, clock)));
  }

  private void assertNothingChanged() {
    assertThat(store.find("cw:1:7")).isEmpty();
    assertThat(store.dueOutbox(clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
    assertThat(queued).hasValue(0);
  }

  @Test
  void unsigned_delivery_is_refused_when_a_secret_is_set() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          var chatwoot = new WebhookClient(server.port(), null, clock);

          var answer = chatwoot.deliver(Fixtures.bytes("message_created_incoming.json"));

          assertThat(answer.code()).isEqualTo(401);
          assertThat(answer.body())
              .contains("\"error\":\"unauthorized\"")
              .contains("signature unsigned");
          assertNothingChanged();
        });
  }

  @Test
  void badly_signed_delivery_is_refused() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          var forger = new WebhookClient(server.port(), "guessed-secret", clock);

          var answer = forger.deliver(Fixtures.bytes("message_created_incoming.json"));

          assertThat(answer.code()).isEqualTo(401);
          assertThat(answer.body()).contains("signature mismatch");
          assertNothingChanged();
        });
  }

  @Test
  void replayed_delivery_older_than_five_minutes_is_refused() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          byte[] body = Fixtures.bytes("message_created_incoming.json");
          String old = Long.toString(clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond());

          var answer =
              new WebhookClient(server.port(), SECRET, clock)
                  .deliverWithHeaders(body, old, SignatureVerifier.sign(SECRET, old, body));

          assertThat(answer.code()).isEqualTo(401);
          assertThat(answer.body()).contains("signature stale");
          assertNothingChanged();
        });
  }

  @Test
  void correctly_signed_delivery_is_accepted() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          var answer =
              new WebhookClient(server.port(), SECRET, clock)
                  .deliver(Fixtures.bytes("message_created_outgoing_echo.json"));

          assertThat(answer.code()).isEqualTo(200);
          assertThat(answer.body())
              .isEqualTo(
                  "{\"result\":\"ignored\",\"reason\":\"outgoing message is not from the visitor\"}");
        });
  }

  @Test
  void without_a_secret_unsigned_deliveries_are_accepted() {
    TestBot.serve(
        app(Optional.empty()),
        (server, ignored) -> {
          var answer =
              new WebhookClient(server.port(), null, clock)
                  .deliver(Fixtures.bytes("message_created_outgoing_echo.json"));

          assertThat(answer.code()).isEqualTo(200);
        });
  }

  @Test
  void what_the_bot_must_not_answer_is_acknowledged_and_leaves_everything_as_it_was() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          var chatwoot = new WebhookClient(server.port(), SECRET, clock);

          for (String fixture :
              List.of(
                  "message_created_outgoing_echo.json",
                  "message_created_private_note.json",
                  "message_created_template.json",
                  "message_created_human_owned.json",
                  "conversation_status_changed_open.json",
                  "conversation_updated_custom_attributes.json")) {
            var answer = chatwoot.deliver(Fixtures.bytes(fixture));

            assertThat(answer.code()).as(fixture).isEqualTo(200);
            assertThat(answer.body()).as(fixture).contains("\"result\":\"ignored\"");
          }
          assertNothingChanged();
        });
  }

  @Test
  void pending_again_for_a_conversation_the_bot_never_handed_off_is_ignored() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          var answer =
              new WebhookClient(server.port(), SECRET, clock)
                  .deliver(Fixtures.bytes("conversation_status_changed_pending.json"));

          assertThat(answer.body())
              .isEqualTo("{\"result\":\"ignored\",\"reason\":\"conversation is not handed off\"}");
          assertNothingChanged();
        });
  }

  @Test
  void malformed_bodies_get_a_400_that_says_why() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          var chatwoot = new WebhookClient(server.port(), SECRET, clock);
          ObjectNode wrongType = Fixtures.tree("message_created_incoming.json");
          wrongType.put("private", "maybe");

          var notJson = chatwoot.deliver("{\"event\":".getBytes(StandardCharsets.UTF_8));
          var notObject = chatwoot.deliver("[]".getBytes(StandardCharsets.UTF_8));
          var badField = chatwoot.deliver(Fixtures.bytes(wrongType));

          assertThat(notJson.code()).isEqualTo(400);
          assertThat(notJson.body()).contains("not valid JSON");
          assertThat(notObject.code()).isEqualTo(400);
          assertThat(badField.code()).isEqualTo(400);
          assertThat(badField.body()).contains("not a Chatwoot message_created payload");
          assertNothingChanged();
        });
  }

  @Test
  void oversized_body_is_refused_with_413() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          ObjectNode huge = Fixtures.tree("message_created_incoming.json");
          huge.put("content", "x".repeat((int) WebServer.MAX_BODY_BYTES));

          var answer =
              new WebhookClient(server.port(), SECRET, clock).deliver(Fixtures.bytes(huge));

          assertThat(answer.code()).isEqualTo(413);
          assertNothingChanged();
        });
  }

  @Test
  void redelivery_with_the_same_delivery_id_is_dropped_before_parsing() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          var chatwoot = new WebhookClient(server.port(), SECRET, clock);
          byte[] echo = Fixtures.bytes("message_created_outgoing_echo.json");

          var first = chatwoot.deliver(echo, "6f1d7c52-3a4e-4c1e-9a57-0d7f5b2e8c11");
          var again = chatwoot.deliver(echo, "6f1d7c52-3a4e-4c1e-9a57-0d7f5b2e8c11");

          assertThat(first.body()).contains("ignored");
          assertThat(again.code()).isEqualTo(200);
          assertThat(again.body())
              .isEqualTo("{\"result\":\"duplicate\",\"reason\":\"delivery already received\"}");
        });
  }

  @Test
  void refused_delivery_does_not_poison_the_delivery_cache() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          byte[] echo = Fixtures.bytes("message_created_outgoing_echo.json");

          var forged = new WebhookClient(server.port(), "wrong", clock).deliver(echo, "d-1");
          var real = new WebhookClient(server.port(), SECRET, clock).deliver(echo, "d-1");

          assertThat(forged.code()).isEqualTo(401);
          assertThat(real.body()).contains("ignored");
        });
  }

  @Test
  void absurd_delivery_id_is_a_bad_request() {
    TestBot.serve(
        signedApp(),
        (server, ignored) -> {
          var answer =
              new WebhookClient(server.port(), SECRET, clock)
                  .deliver(Fixtures.bytes("message_created_outgoing_echo.json"), "d".repeat(101));

          assertThat(answer.code()).isEqualTo(400);
        });
  }
}
