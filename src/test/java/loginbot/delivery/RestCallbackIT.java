package loginbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A REST client gets the agent's answer by Rasa's callback convention: one signed POST per message,
 * retried after a failure, delivered once, even when the bot restarts in between.
 */
class RestCallbackIT {
  private static final String SECRET = "callback-secret-0123456789";

  @StartStop final MockWebServer client = new MockWebServer();

  @TempDir Path dataDir;

  private Map<String, String> env() {
    return Map.of(
        "REST_CALLBACK_URL",
        client.url("/bot/callback").toString(),
        "REST_CALLBACK_SECRET",
        SECRET);
  }

  @Test
  void an_agent_answer_is_posted_signed_retried_after_a_500_and_delivered_once_across_a_restart()
      throws Exception {
    // given: a REST conversation handed off, and a client whose callback fails once
    client.enqueue(new MockResponse.Builder().code(500).body("try later").build());
    client.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    String handoffNotice;
    RecordedRequest failed;
    try (LiveBot bot = LiveBot.start(dataDir, env())) {
      JsonNode answer = bot.rest("rest-42", "I want to talk to a person");
      handoffNotice = answer.toString();

      // when: an agent answers from the console; the first POST gets a 500; the bot stops
      assertThat(
              bot.agent("/api/conversations/rest-42/messages", Map.of("text", "Hi, Alice here."))
                  .statusCode())
          .isEqualTo(201);
      failed = client.takeRequest(10, TimeUnit.SECONDS);
      assertThat(failed).as("first attempt").isNotNull();
    }

    // then: the next process delivers it, once
    RecordedRequest delivered;
    try (LiveBot restarted = LiveBot.start(dataDir, env())) {
      delivered = client.takeRequest(15, TimeUnit.SECONDS);
      assertThat(delivered).as("the retry, by the restarted bot").isNotNull();
      assertThat(client.takeRequest(4, TimeUnit.SECONDS)).as("no third POST").isNull();
      JsonNode view = restarted.agentGet("/api/conversations/rest-42");
      assertThat(view.get("transcript").get(view.get("transcript").size() - 1).get("text").asText())
          .isEqualTo("Hi, Alice here.");
    }
    assertThat(handoffNotice).contains("They will answer here in this chat");
    String body = "{\"recipient_id\":\"rest-42\",\"text\":\"Hi, Alice here.\"}";
    for (RecordedRequest r : new RecordedRequest[] {failed, delivered}) {
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getTarget()).isEqualTo("/bot/callback");
      assertThat(r.getBody().utf8()).isEqualTo(body);
      String timestamp = r.getHeaders().get("X-Loginbot-Timestamp");
      assertThat(Long.parseLong(timestamp))
          .isBetween(Instant.now().getEpochSecond() - 120, Instant.now().getEpochSecond());
      assertThat(r.getHeaders().get("X-Loginbot-Signature"))
          .isEqualTo(
              CallbackDeliverer.signature(
                  SECRET.getBytes(StandardCharsets.UTF_8),
                  timestamp,
                  body.getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(delivered.getHeaders().get("X-Loginbot-Delivery"))
        .isEqualTo(failed.getHeaders().get("X-Loginbot-Delivery"));
  }

  @Test
  void a_hand_back_and_a_close_reach_the_client_with_their_buttons() throws Exception {
    client.enqueue(new MockResponse.Builder().code(200).build());
    client.enqueue(new MockResponse.Builder().code(200).build());
    client.enqueue(new MockResponse.Builder().code(200).build());
    try (LiveBot bot = LiveBot.start(dataDir, env())) {
      bot.rest("rest-7", "I want to talk to a person");

      bot.agent("/api/conversations/rest-7/handback", "");

      JsonNode handedBack =
          bot.json.readTree(client.takeRequest(10, TimeUnit.SECONDS).getBody().utf8());
      assertThat(handedBack.get("recipient_id").asText()).isEqualTo("rest-7");
      assertThat(handedBack.get("text").asText()).contains("You're back with the login assistant");
      assertThat(handedBack.get("buttons")).isNotEmpty();
      assertThat(handedBack.get("buttons").get(0).has("payload")).isTrue();
    }
  }

  @Test
  void an_internal_note_is_never_posted_to_the_client_only_the_reply_after_it() throws Exception {
    client.enqueue(new MockResponse.Builder().code(200).build());
    client.enqueue(new MockResponse.Builder().code(200).build());
    try (LiveBot bot = LiveBot.start(dataDir, env())) {
      bot.rest("rest-9", "I want to talk to a person");

      bot.agent("/api/conversations/rest-9/notes", Map.of("text", "Internal: VIP client"));
      bot.agent("/api/conversations/rest-9/messages", Map.of("text", "Hello from Alice."));

      // Callbacks of one conversation go in order: a posted note would come first.
      RecordedRequest first = client.takeRequest(10, TimeUnit.SECONDS);
      assertThat(first.getBody().utf8()).contains("Hello from Alice.").doesNotContain("VIP");
      assertThat(client.takeRequest(3, TimeUnit.SECONDS)).as("nothing else is posted").isNull();
    }
  }
}
