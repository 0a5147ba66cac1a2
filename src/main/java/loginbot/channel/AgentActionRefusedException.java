package loginbot.channel;

/**
 * An agent's action that the conversation's state forbids (a hand-back of a conversation the bot
 * owns, a second close, a reply to a conversation that is gone): decided inside the turn, so
 * nothing changed. The API answers 409 with the reason.
 */
public class AgentActionRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AgentActionRefusedException(String reason) {
    super(reason);
  }
}
