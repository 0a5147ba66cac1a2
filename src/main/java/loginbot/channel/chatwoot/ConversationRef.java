package loginbot.channel.chatwoot;

import loginbot.store.ConversationKey;

/**
 * A Chatwoot conversation: its account and its display id (the id the REST API expects). Our
 * conversation key is {@code cw:<account>:<display id>}, unique across accounts.
 */
public record ConversationRef(long accountId, long conversationId) {

  public String key() {
    return ConversationKey.chatwoot(accountId, conversationId).value();
  }
}
