package loginbot.channel;

import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.Role;
import loginbot.dialogue.Screenshot;
import loginbot.nlu.Language;

/**
 * A user message as every channel adapter hands it over, after verification and parsing.
 *
 * @param messageId the channel's delivery or message id, for exactly-once processing; null if none
 * @param screenshot set when the message is an image; {@code text} is then what was read from it
 * @param visitor who the embedding page says is chatting (the widget); {@link Visitor#UNKNOWN}
 * @param attributes what the platform holds about the conversation (Chatwoot's custom attributes)
 */
public record InboundMessage(
    String channel,
    String conversationId,
    String messageId,
    String text,
    Optional<Role> role,
    Optional<Language> language,
    Optional<Screenshot> screenshot,
    Visitor visitor,
    Map<String, Object> attributes) {

  public InboundMessage {
    screenshot = screenshot == null ? Optional.empty() : screenshot;
    visitor = visitor == null ? Visitor.UNKNOWN : visitor;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** A typed message from a known visitor, with what the platform holds about it. */
  public InboundMessage(
      String channel,
      String conversationId,
      String messageId,
      String text,
      Optional<Role> role,
      Optional<Language> language,
      Visitor visitor,
      Map<String, Object> attributes) {
    this(
        channel,
        conversationId,
        messageId,
        text,
        role,
        language,
        Optional.empty(),
        visitor,
        attributes);
  }

  /** An image; {@code text} is what was read from it. */
  public InboundMessage(
      String channel,
      String conversationId,
      String messageId,
      String text,
      Optional<Role> role,
      Optional<Language> language,
      Optional<Screenshot> screenshot) {
    this(
        channel,
        conversationId,
        messageId,
        text,
        role,
        language,
        screenshot,
        Visitor.UNKNOWN,
        Map.of());
  }

  /** A typed message. */
  public InboundMessage(
      String channel,
      String conversationId,
      String messageId,
      String text,
      Optional<Role> role,
      Optional<Language> language) {
    this(channel, conversationId, messageId, text, role, language, Optional.empty());
  }
}
