package loginbot.channel;

import java.util.Optional;
import loginbot.dialogue.Role;
import loginbot.dialogue.Screenshot;
import loginbot.nlu.Language;

/**
 * A user message as every channel adapter hands it over, after verification and parsing.
 *
 * @param messageId the channel's delivery or message id, for exactly-once processing; null if none
 * @param screenshot set when the message is an image; {@code text} is then what was read from it
 */
public record InboundMessage(
    String channel,
    String conversationId,
    String messageId,
    String text,
    Optional<Role> role,
    Optional<Language> language,
    Optional<Screenshot> screenshot) {

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
