package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.attachment.ImageCleaner;
import loginbot.attachment.ImageIntake;
import loginbot.attachment.Ocr;
import loginbot.channel.ImageMessages;
import loginbot.delivery.Backoff;
import loginbot.delivery.ChatwootDeliverer;
import loginbot.delivery.ChatwootOutput;
import loginbot.delivery.OutboxDispatcher;
import loginbot.delivery.Outputs;
import loginbot.store.InMemoryAttachments;
import loginbot.web.Json;
import loginbot.web.WebServer;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The Chatwoot channel running end to end: signed deliveries to the webhook over HTTP, the real
 * service ({@link TestBot}), and the outbox delivering to a MockWebServer standing in for Chatwoot.
 */
final class LiveChatwoot implements AutoCloseable {
  static final String SECRET = "cw-webhook-secret";
  static final ObjectMapper JSON = Json.newMapper();

  final TestBot bot;
  private final MockWebServer chatwoot;
  final ScriptedChatwoot scripted;
  final InMemoryAttachments attachments;
  private final ChatwootImages images;
  private final List<RecordedRequest> downloads = new ArrayList<>();
  private final OutboxDispatcher dispatcher;
  private final Javalin app;
  private final WebhookClient client;
  private final AtomicLong nextDelivery = new AtomicLong();

  /** The bot of {@code builder}, with its Chatwoot output channel added; images are not read. */
  LiveChatwoot(TestBot.Builder builder, MockWebServer chatwoot) {
    this(builder, chatwoot, null);
  }

  /**
   * The same, reading visitors' images with {@code ocr}, fetched from {@code chatwoot} (the base
   * URL), kept in {@link #attachments}.
   */
  LiveChatwoot(TestBot.Builder builder, MockWebServer chatwoot, Ocr ocr) {
    ChatwootOutbox outbox = new ChatwootOutbox(JSON, OptionalLong.empty());
    this.bot =
        builder
            .outputs(Outputs.none().with(ChatwootWebhook.CHANNEL, new ChatwootOutput(outbox)))
            .build();
    this.chatwoot = chatwoot;
    this.scripted = new ScriptedChatwoot();
    chatwoot.setDispatcher(scripted);
    this.attachments = new InMemoryAttachments(bot.store);
    this.images =
        ocr == null
            ? null
            : new ChatwootImages(
                new ChatwootFiles(
                    ChatwootClient.defaultHttpClient(),
                    chatwoot.url("/"),
                    "bot-token",
                    ImageCleaner.MAX_BYTES,
                    Duration.ofMillis(50)),
                new ImageMessages(
                    ImageIntake.of(ocr, TestBot.shippedContent()),
                    attachments,
                    bot.store,
                    bot.clock),
                2);
    this.dispatcher =
        new OutboxDispatcher(
            bot.store,
            List.of(
                new ChatwootDeliverer(
                    new ChatwootClient(
                        ChatwootClient.defaultHttpClient(), chatwoot.url("/"), "bot-token", JSON),
                    outbox)),
            bot.clock,
            Backoff.standard());
    ChatwootWebhook webhook =
        new ChatwootWebhook(
            bot.service,
            JSON,
            Optional.of(new SignatureVerifier(SECRET, bot.clock)),
            "role",
            Optional.ofNullable(images));
    this.app = WebServer.create(JSON, List.of(webhook)).start("127.0.0.1", 0);
    this.client = new WebhookClient(app.port(), SECRET, bot.clock);
  }

  static MutableClock clock() {
    return new MutableClock(java.time.Instant.now());
  }

  /** A v4.16.2 fixture, to edit. */
  static ObjectNode fixture(String name) {
    return Fixtures.tree("v4.16/" + name);
  }

  /** Delivers an event as Chatwoot does, with a fresh delivery id. */
  WebhookClient.Answer deliver(ObjectNode event) {
    return deliver(event, "delivery-" + nextDelivery.incrementAndGet());
  }

  WebhookClient.Answer deliver(ObjectNode event, String deliveryId) {
    try {
      return client.deliver(Fixtures.bytes(event), deliveryId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebhookClient.Answer deliver(String fixture) {
    return deliver(fixture(fixture));
  }

  /** The visitor writes {@code text} as message {@code id}, in the v4.16.2 shape. */
  WebhookClient.Answer visitorSays(long id, String text) {
    return deliver(message("message_created_incoming.json", id, text));
  }

  static ObjectNode message(String fixture, long id, String text) {
    ObjectNode tree = fixture(fixture);
    tree.put("id", id).put("content", text);
    ((ObjectNode) tree.at("/conversation/messages/0")).put("id", id).put("content", text);
    return tree;
  }

  /**
   * Lets the images queued so far be read, then the outbox deliver what is due; returns the API
   * calls Chatwoot received, in order (file downloads are in {@link #downloads()}).
   */
  List<Call> calls() {
    if (images != null) {
      assertThat(images.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
    }
    dispatcher.deliverDue();
    List<Call> calls = new ArrayList<>();
    try {
      RecordedRequest r;
      while ((r = chatwoot.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS)) != null) {
        if ("GET".equals(r.getMethod())) {
          downloads.add(r);
          continue;
        }
        calls.add(new Call(r.getTarget(), JSON.readTree(r.getBody().utf8())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return calls;
  }

  /** The files fetched from Chatwoot so far (read by {@link #calls()}). */
  List<RecordedRequest> downloads() {
    return List.copyOf(downloads);
  }

  /** One API call Chatwoot received: where, and the JSON body. */
  record Call(String target, JsonNode body) {
    String content() {
      return body.path("content").asText();
    }
  }

  /** Hands conversation 7 off through the dialogue, and checks Chatwoot was told. */
  void handedOff() {
    assertThat(visitorSays(5001, "I want to talk to a person").body()).contains("handoff");
    assertThat(calls())
        .extracting(Call::target)
        .contains("/api/v1/accounts/3/conversations/7/toggle_status");
  }

  @Override
  public void close() {
    app.stop();
    if (images != null) {
      images.close();
    }
  }
}
