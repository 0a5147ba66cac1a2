package loginbot.channel.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import java.util.Optional;
import java.util.UUID;
import loginbot.channel.InboundMessage;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;
import loginbot.store.ConversationKey;
import loginbot.web.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request to the REST webhook, read as tolerantly as Rasa's {@code RestInput} reads it: a
 * numeric {@code sender} or {@code message_id} is taken as a string, the text is stripped, and
 * {@code metadata} is opaque (what the bot cannot use is ignored and logged at DEBUG). Only what
 * cannot be a message at all is refused: no text, or a body that is not a JSON object.
 *
 * @param sender the caller's conversation id, as given (or generated when none was given)
 * @param messageId {@code metadata.message_id}, for exactly-once processing; null if none
 */
record RestRequest(
    String sender,
    String text,
    Optional<Role> role,
    Optional<Language> language,
    String messageId) {
  private static final Logger log = LoggerFactory.getLogger(RestRequest.class);
  static final int MAX_MESSAGE_CHARS = 4000;
  static final int MAX_ID_CHARS = 200;

  static RestRequest read(JsonNode body) {
    String sender = sender(body.get("sender"));
    String text = text(body.get("message"));
    Optional<Role> role = Optional.empty();
    Optional<Language> language = Optional.empty();
    String messageId = null;
    JsonNode metadata = body.get("metadata");
    if (metadata != null && metadata.isObject()) {
      role = code(metadata, "role").flatMap(r -> known(Role.fromCode(r), "role", r));
      language =
          code(metadata, "language").flatMap(l -> known(Language.fromCode(l), "language", l));
      messageId = id(metadata.get("message_id"));
    } else if (metadata != null && !metadata.isNull()) {
      log.debug("REST metadata ignored: an object was expected, got {}", metadata.getNodeType());
    }
    return new RestRequest(sender, text, role, language, messageId);
  }

  InboundMessage inbound() {
    return new InboundMessage(
        "rest", ConversationKey.rest(sender).value(), messageId, text, role, language);
  }

  /**
   * Rasa files every sender-less request under one shared conversation, {@code default}, where
   * callers would read each other's replies; here each one starts a conversation of its own, whose
   * id comes back as {@code recipient_id}.
   */
  private static String sender(JsonNode value) {
    if (value == null || value.isNull()) {
      return "anonymous-" + UUID.randomUUID();
    }
    if (!value.isTextual() && !value.isNumber()) {
      throw new BadRequestResponse("'sender' must be a string or a number");
    }
    String sender = value.asText();
    if (sender.isBlank()) {
      throw new BadRequestResponse("'sender' must not be blank");
    }
    if (sender.length() > MAX_ID_CHARS) {
      throw new BadRequestResponse("'sender' is longer than " + MAX_ID_CHARS + " characters");
    }
    return Requests.id(sender, "'sender'");
  }

  private static String text(JsonNode value) {
    if (value == null || value.isNull()) {
      throw new BadRequestResponse("'message' is required");
    }
    if (!value.isTextual() && !value.isNumber()) {
      throw new BadRequestResponse("'message' must be a string");
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      throw new BadRequestResponse("'message' must not be blank");
    }
    if (text.length() > MAX_MESSAGE_CHARS) {
      throw new BadRequestResponse("'message' is longer than " + MAX_MESSAGE_CHARS + " characters");
    }
    return text;
  }

  private static Optional<String> code(JsonNode metadata, String field) {
    JsonNode value = metadata.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      log.debug("REST metadata.{} ignored: not a string", field);
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  private static <T> Optional<T> known(Optional<T> parsed, String field, String given) {
    if (parsed.isEmpty()) {
      log.debug(
          "REST metadata.{} ignored: '{}' is not one the bot supports", field, abbreviate(given));
    }
    return parsed;
  }

  private static String id(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    boolean usable =
        (value.isTextual() || value.isIntegralNumber())
            && !value.asText().isBlank()
            && value.asText().length() <= MAX_ID_CHARS;
    if (!usable) {
      log.debug("REST metadata.message_id ignored: not a short string or integer");
      return null;
    }
    // A usable id with control characters is malformed rather than unsupported: refused.
    return Requests.id(value.asText(), "'metadata.message_id'");
  }

  private static String abbreviate(String s) {
    String shown = s.length() <= 40 ? s : s.substring(0, 40) + "…";
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
