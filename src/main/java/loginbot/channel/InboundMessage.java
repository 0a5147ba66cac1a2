package loginbot.channel;

import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;

/**
 * A user message as every channel adapter hands it over, after verification and parsing.
 *
 * @param messageId the channel's delivery or message id, for exactly-once processing; null if none
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
    Visitor visitor,
    Map<String, Object> attributes) {

  public InboundMessage {
    visitor = visitor == null ? Visitor.UNKNOWN : visitor;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public InboundMessage(
      String channel,
      String conversationId,
      String messageId,
      String text,
      Optional<Role> role,
      Optional<Language> language) {
    this(channel, conversationId, messageId, text, role, language, Visitor.UNKNOWN, Map.of());
  }
}
