package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.channel.ConversationService;
import loginbot.delivery.ChatwootOutput;
import loginbot.delivery.Outputs;
import loginbot.dialogue.MaskingCorpus;
import loginbot.dialogue.MaskingCorpus.Entry;
import loginbot.dialogue.Status;
import loginbot.store.InMemoryStore;
import loginbot.store.OutboxItem;
import loginbot.store.TranscriptEntry;
import loginbot.web.Json;
import loginbot.web.WebServer;
import org.junit.jupiter.api.Test;

/**
 * Every share of the masking corpus written by a Chatwoot visitor, then handed to a person: no
 * secret reaches the bot's transcript, the handoff packet, or any call queued for Chatwoot's API
 * (the private note for agents above all).
 */
class ChatwootMaskingTest {
  private static final String SECRET = "cw-webhook-secret";
  private static final ObjectMapper JSON = Json.newMapper();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-17T08:15:03Z"));
  private final InMemoryStore store = new InMemoryStore(clock);
  private final ChatwootOutbox outbox = new ChatwootOutbox(JSON, OptionalLong.empty());
  private final ConversationService service =
      TestBot.builder()
          .clock(clock)
          .store(store)
          .outputs(Outputs.none().with(ChatwootWebhook.CHANNEL, new ChatwootOutput(outbox)))
          .build()
          .service;

  @Test
  void no_share_from_a_chatwoot_visitor_reaches_the_transcript_the_packet_or_chatwoot() {
    var webhook =
        new ChatwootWebhook(
            service, JSON, Optional.of(new SignatureVerifier(SECRET, clock)), "role");
    Javalin app = WebServer.create(JSON, List.of(webhook));
    TestBot.serve(
        app,
        (server, ignored) -> {
          WebhookClient visitor = new WebhookClient(server.port(), SECRET, clock);
          List<String> leaks = new ArrayList<>();
          long messageId = 1000;

          for (Entry share : MaskingCorpus.shares()) {
            long conversation = 10_000 + share.line();
            String key = new ConversationRef(1, conversation).key();
            if (share.asked()) {
              says(visitor, conversation, ++messageId, "I get Invalid User / password");
              assertThat(store.find(key).orElseThrow().state().askedAboutPassword()).isTrue();
            }
            says(visitor, conversation, ++messageId, share.text());
            says(visitor, conversation, ++messageId, "talk to a person");

            var record = store.find(key).orElseThrow();
            assertThat(record.state().status()).as(share.toString()).isEqualTo(Status.HANDOFF);
            StringBuilder seen = new StringBuilder(record.handoff().orElseThrow().toString());
            for (TranscriptEntry line : store.transcript(key, 0)) {
              seen.append('\n').append(line.text());
            }
            // The outbox holds the exact bodies the dispatcher sends to Chatwoot's API.
            for (OutboxItem call : store.dueOutbox(clock.instant(), 100)) {
              seen.append('\n').append(outbox.decode(call)).append('\n').append(call.payload());
              store.outboxDelivered(call.id());
            }
            for (String secret : share.secrets()) {
              if (seen.toString().contains(secret)) {
                leaks.add(share + " leaked '" + secret + "'");
              }
            }
          }

          assertThat(leaks).isEmpty();
        });
  }

  private static void says(WebhookClient visitor, long conversation, long messageId, String text)
      throws IOException {
    ObjectNode tree = Fixtures.tree("message_created_incoming.json");
    tree.put("id", messageId).put("content", text);
    ((ObjectNode) tree.get("conversation")).put("id", conversation);
    ObjectNode latest = (ObjectNode) tree.at("/conversation/messages/0");
    latest.put("id", messageId).put("content", text).put("conversation_id", conversation);
    var answer = visitor.deliver(Fixtures.bytes(tree));
    assertThat(answer.code()).as(answer.body()).isEqualTo(200);
  }
}
