package loginbot.channel.chatwoot;

import java.util.List;
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
   * @param text what the visitor typed; empty when the message is only files
   * @param customAttributes the conversation's attributes as Chatwoot sent them, to merge ours into
   * @param attachments the message's files, of every kind (only images are read)
   */
  record Act(
      ConversationRef conversation,
      String messageId,
      String text,
      Optional<Role> role,
      Optional<Language> language,
      Map<String, Object> customAttributes,
      List<ChatwootEvent.Attachment> attachments)
      implements Decision {

    public Act {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without files. */
    public Act(
        ConversationRef conversation,
        String messageId,
        String text,
        Optional<Role> role,
        Optional<Language> language,
        Map<String, Object> customAttributes) {
      this(conversation, messageId, text, role, language, customAttributes, List.of());
    }
  }

  /**
   * An agent gave the conversation back to the bot: it is pending again, or it was assigned to the
   * bot.
   *
   * @param reopen the conversation is still open (assigned to the bot): set it to pending, so that
   *     Chatwoot sends the visitor's messages as the bot's turn and agents see it as the bot's
   */
  record HandBack(
      ConversationRef conversation, Map<String, Object> customAttributes, boolean reopen)
      implements Decision {}

  /**
   * The visitor answered Chatwoot's satisfaction survey (CSAT).
   *
   * @param messageId {@code message_updated:<survey message id>}, so a redelivery is recorded once
   */
  record Rate(ConversationRef conversation, String messageId, int rating, String comment)
      implements Decision {}

  /**
   * A person wrote to the visitor in Chatwoot itself. In a pending conversation the bot owns, that
   * is a takeover: the bot goes silent and opens the conversation.
   *
   * @param messageId {@code message_created:<id>}, so a redelivery is recorded once
   * @param pending the conversation was pending when the agent wrote
   */
  record HumanReply(
      ConversationRef conversation, String messageId, String agent, String text, boolean pending)
      implements Decision {}

  /** Nothing to do; the reason is returned to Chatwoot and helps when reading its logs. */
  record Ignore(String reason) implements Decision {}
}
