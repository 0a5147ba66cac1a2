package loginbot.channel.chatwoot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import loginbot.channel.AgentActionRefusedException;
import loginbot.channel.ConversationService;
import loginbot.channel.InboundMessage;
import loginbot.channel.RateLimitedException;
import loginbot.channel.TextParts;
import loginbot.channel.TurnOutcome;
import loginbot.channel.UnknownConversationException;
import loginbot.channel.Visitor;
import loginbot.store.StoreUnavailableException;
import loginbot.web.ApiError;
import loginbot.web.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chatwoot's agent-bot webhook, {@code POST /webhooks/chatwoot}. Verifies the signature on the raw
 * bytes, drops redeliveries, applies Chatwoot's rules for when a bot may speak, and runs the turn
 * of the typed text inline (microseconds plus one store write; the store orders turns per
 * conversation). Images are queued and read afterwards ({@link ChatwootImages}). Every API call
 * back to Chatwoot goes through the outbox (the conversation service hands the turn to the Chatwoot
 * output channel), so Chatwoot gets its 200 at once.
 */
public final class ChatwootWebhook implements Routes {
  private static final Logger log = LoggerFactory.getLogger(ChatwootWebhook.class);
  public static final String PATH = "/webhooks/chatwoot";
  public static final String CHANNEL = "chatwoot";
  static final String DELIVERY = "X-Chatwoot-Delivery";
  static final String TIMESTAMP = "X-Chatwoot-Timestamp";
  static final String SIGNATURE = "X-Chatwoot-Signature";
  static final int MAX_DELIVERY_ID_CHARS = 100;

  /** The longest text one turn reads, as on the other channels. */
  static final int MAX_TEXT_CHARS = 4000;

  /**
   * Parts of one message read at most: more would run into the conversation's rate limit and
   * Chatwoot's three tries; the agents still see the whole message in Chatwoot.
   */
  static final int MAX_PARTS = 5;

  private final ConversationService conversations;
  private final EventParser parser;
  private final EventFilter filter;
  private final Optional<SignatureVerifier> verifier;
  private final Optional<ChatwootImages> images;
  private final BurstQueue bursts = new BurstQueue(Duration.ofSeconds(3));
  // Chatwoot reuses the delivery id when it retries (within seconds); a few minutes suffice.
  private final Cache<String, Boolean> recentDeliveries =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(15)).build();

  /**
   * @param verifier empty accepts unsigned requests (Chatwoot before 4.13 signs nothing)
   * @param roleAttribute the contact custom attribute holding the role, usually {@code role}
   */
  public ChatwootWebhook(
      ConversationService conversations,
      ObjectMapper json,
      Optional<SignatureVerifier> verifier,
      String roleAttribute) {
    this(conversations, json, verifier, roleAttribute, Optional.empty());
  }

  /**
   * @param images reads the images visitors send; empty leaves them to the agents
   */
  public ChatwootWebhook(
      ConversationService conversations,
      ObjectMapper json,
      Optional<SignatureVerifier> verifier,
      String roleAttribute,
      Optional<ChatwootImages> images) {
    this.images = images;
    this.conversations = conversations;
    this.parser = new EventParser(json);
    this.filter = new EventFilter(roleAttribute);
    this.verifier = verifier;
    if (verifier.isEmpty()) {
      log.warn(
          "Chatwoot webhook signatures are NOT verified (no webhook secret configured): "
              + "anyone who can reach {} can talk as a visitor",
          PATH);
    }
  }

  /** What the webhook did; Chatwoot ignores the body, people reading logs and tests do not. */
  public record Result(String result, String reason) {}

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post(PATH, this::receive);
  }

  private void receive(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    verifier.ifPresent(
        v -> {
          SignatureVerifier.Verdict verdict =
              v.verify(ctx.header(TIMESTAMP), ctx.header(SIGNATURE), body);
          if (verdict != SignatureVerifier.Verdict.VALID) {
            log.warn("chatwoot webhook refused: signature {}", verdict);
            throw new UnauthorizedResponse("signature " + verdict.name().toLowerCase(Locale.ROOT));
          }
        });
    String delivery = ctx.header(DELIVERY);
    if (delivery != null && delivery.length() > MAX_DELIVERY_ID_CHARS) {
      throw new BadRequestResponse(
          DELIVERY + " is longer than " + MAX_DELIVERY_ID_CHARS + " characters");
    }
    if (delivery != null && recentDeliveries.getIfPresent(delivery) != null) {
      ctx.json(new Result("duplicate", "delivery already received"));
      return;
    }
    ChatwootEvent event = parser.parse(body);
    Result result;
    try {
      result = process(filter.decide(event));
    } catch (StoreUnavailableException e) {
      // Chatwoot retries only 429 and 500 (3 tries, 3 s apart); a 503 would open the
      // conversation to humans at once, with no note.
      log.warn("chatwoot {} not processed, store unavailable: {}", event.event(), e.getMessage());
      ctx.status(500)
          .header("Retry-After", Long.toString(BurstQueue.CHATWOOT_RETRY.toSeconds()))
          .json(new ApiError("unavailable", "storage is unavailable, retry shortly"));
      return;
    }
    if (delivery != null) {
      recentDeliveries.put(delivery, Boolean.TRUE);
    }
    log.debug("chatwoot {} → {} ({})", event.event(), result.result(), result.reason());
    ctx.json(result);
  }

  private Result process(Decision decision) {
    if (decision instanceof Decision.Act act) {
      // Messages of a conversation are answered in arrival order: behind an image being read, a
      // message waits its turn off the webhook's clock.
      String conversation = act.conversation().key();
      if (images.isPresent() && images.get().behindImages(conversation, () -> act(act, true))) {
        return new Result("queued", "behind an image being read");
      }
      return act(act, false);
    }
    return other(decision);
  }

  /**
   * A visitor's message: its text answered, then its images queued.
   *
   * @param queued run from the conversation's line, not the webhook: a rate limit is waited out
   */
  private Result act(Decision.Act act, boolean queued) {
    Result text = act.text().isBlank() ? null : read(act, queued);
    int count = images(act);
    String images = count == 1 ? "1 image to read" : count + " images to read";
    if (text == null) {
      boolean anyImage = act.attachments().stream().anyMatch(ChatwootEvent.Attachment::image);
      if (count > 0) {
        return new Result("queued", images);
      }
      return anyImage && this.images.isPresent()
          ? new Result("duplicate", "image already received")
          : new Result("ignored", "no text, and no image the bot reads");
    }
    return count == 0 ? text : new Result(text.result(), text.reason() + "; " + images);
  }

  /** The typed part of a visitor's message: a turn is a store write. */
  private Result read(Decision.Act act, boolean queued) {
    ConversationRef c = act.conversation();
    // Chatwoot takes up to 150,000 characters; a turn reads at most MAX_TEXT_CHARS. A longer
    // message is read as several, in order, each once (a retry skips the parts already read).
    List<String> parts = TextParts.split(act.text(), MAX_TEXT_CHARS);
    String unread = "";
    if (parts.size() > MAX_PARTS) {
      int left = parts.subList(MAX_PARTS, parts.size()).stream().mapToInt(String::length).sum();
      unread = "; the last " + left + " characters were not read";
      log.info("chatwoot message {} is too long: {}", act.messageId(), unread.substring(2));
      parts = parts.subList(0, MAX_PARTS);
    }
    TurnOutcome outcome = null;
    boolean allDuplicates = true;
    for (int i = 0; i < parts.size(); i++) {
      String id = i == 0 ? act.messageId() : act.messageId() + "#" + (i + 1);
      String part = parts.get(i);
      InboundMessage message =
          new InboundMessage(
              CHANNEL,
              c.key(),
              id,
              part,
              act.role(),
              act.language(),
              Visitor.UNKNOWN,
              act.customAttributes());
      outcome =
          queued
              ? patiently(c.key(), message)
              : bursts.run(c.key(), () -> conversations.handle(message));
      allDuplicates &= outcome.duplicate();
    }
    if (outcome == null) {
      return new Result("ignored", "no text");
    }
    if (allDuplicates) {
      return new Result("duplicate", "message already processed");
    }
    String split = parts.size() > 1 ? " (read as " + parts.size() + " messages" + unread + ")" : "";
    return new Result("processed", "conversation is " + outcome.status().code() + split);
  }

  /** Queues the message's images, to be read after Chatwoot has its answer; returns how many. */
  private int images(Decision.Act act) {
    if (act.attachments().isEmpty()) {
      return 0;
    }
    if (images.isEmpty()) {
      log.info(
          "chatwoot message {}: its files are not read (image reading is off)", act.messageId());
      return 0;
    }
    String conversation = act.conversation().key();
    return images.get().queue(act, m -> patiently(conversation, m));
  }

  /**
   * A turn run from the conversation's line, off the webhook's clock: it waits out the
   * conversation's rate limit several times over.
   */
  private TurnOutcome patiently(String conversation, InboundMessage message) {
    for (int tries = 1; ; tries++) {
      try {
        return bursts.run(conversation, () -> conversations.handle(message));
      } catch (RateLimitedException e) {
        if (tries >= 10) {
          throw e;
        }
      }
    }
  }

  private Result other(Decision decision) {
    if (decision instanceof Decision.HandBack back) {
      try {
        conversations.handBackOnPlatform(
            back.conversation().key(), CHANNEL, back.customAttributes(), back.reopen());
      } catch (AgentActionRefusedException e) {
        // Decided inside the turn: Chatwoot announces one change in several events.
        return new Result("ignored", "conversation is not handed off");
      }
      return new Result("handed_back", "the bot answers again");
    }
    if (decision instanceof Decision.HumanReply reply) {
      try {
        TurnOutcome outcome =
            conversations.agentWroteOnPlatform(
                reply.conversation().key(),
                reply.messageId(),
                reply.agent(),
                reply.text(),
                reply.pending());
        if (outcome.duplicate()) {
          return new Result("duplicate", "message already processed");
        }
        return new Result("recorded", "an agent wrote; conversation is " + outcome.status().code());
      } catch (AgentActionRefusedException e) {
        return new Result("ignored", "the bot has no such conversation");
      }
    }
    if (decision instanceof Decision.Rate rate) {
      try {
        conversations.rate(
            rate.conversation().key(), CHANNEL, rate.messageId(), rate.rating(), rate.comment());
      } catch (UnknownConversationException e) {
        return new Result("ignored", "the bot has no such conversation");
      }
      return new Result("recorded", "rating " + rate.rating() + " of 5");
    }
    return new Result("ignored", ((Decision.Ignore) decision).reason());
  }
}
