package loginbot.channel;

import java.util.Optional;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;

/**
 * A user message as every channel adapter hands it over, after verification and parsing.
 *
 * @param messageId the channel's delivery or message id, for exactly-once processing; null if none
 */
public record InboundMessage(
    String channel,
    String conversationId,
    String messageId,
    String text,
    Optional<Role> role,
    Optional<Language> language) {}
