package loginbot.channel;

/** An agent acted on a conversation that does not exist. */
public final class UnknownConversationException extends RuntimeException {
  public UnknownConversationException(String conversationId) {
    super("no conversation " + conversationId);
  }
}
