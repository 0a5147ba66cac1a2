package loginbot.store;

import java.util.Optional;

/**
 * A conversation's id in the store, made only by the channel that owns the conversation. Every
 * channel writes its own prefix, so the id a caller of one channel gives can never name another
 * channel's conversation: a REST sender {@code cw:1:42} is the key {@code rest:cw:1:42}, not
 * Chatwoot's conversation 42, and its message ids and replies are its own.
 */
public record ConversationKey(String value) {
  static final String REST = "rest:";
  static final String CHATWOOT = "cw:";

  public ConversationKey {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a conversation key must not be empty");
    }
  }

  /** The conversation of a REST caller (Rasa's {@code sender}), whatever the sender looks like. */
  public static ConversationKey rest(String sender) {
    if (sender == null || sender.isEmpty()) {
      throw new IllegalArgumentException("a REST sender must not be empty");
    }
    return new ConversationKey(REST + sender);
  }

  /** A Chatwoot conversation: its account and its display id. */
  public static ConversationKey chatwoot(long accountId, long conversationId) {
    return new ConversationKey(CHATWOOT + accountId + ":" + conversationId);
  }

  /** The REST sender this key was made from, if it is a REST conversation. */
  public Optional<String> restSender() {
    return value.startsWith(REST) ? Optional.of(value.substring(REST.length())) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
