package loginbot.channel.chatwoot;

import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;

/** What the webhook does with one Chatwoot event. */
sealed interface Decision {

  /**
   * Run the visitor's text through the bot.
   *
   * @param messageId {@code <event>:<message id>}, so a redelivered event is processed once
   * @param customAttributes the conversation's attributes as Chatwoot sent them, to merge ours into
   */
  record Act(
      ConversationRef conversation,
      String messageId,
      String text,
      Optional<Role> role,
      Optional<Language> language,
      Map<String, Object> customAttributes)
      implements Decision {}

  /**
   * An agent gave the conversation back to the bot (it is pending again, with no human assignee).
   */
  record HandBack(ConversationRef conversation, Map<String, Object> customAttributes)
      implements Decision {}

  /** Nothing to do; the reason is returned to Chatwoot and helps when reading its logs. */
  record Ignore(String reason) implements Decision {}
}
