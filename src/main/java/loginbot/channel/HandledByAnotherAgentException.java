package loginbot.channel;

/**
 * An agent acted on a conversation another agent is handling, without taking it over: refused
 * inside the turn, so nothing changed. The API answers 409 and names who handles it.
 */
public final class HandledByAnotherAgentException extends AgentActionRefusedException {
  private static final long serialVersionUID = 1L;

  private final String assignee;

  public HandledByAnotherAgentException(String conversationId, String assignee, String action) {
    super(
        assignee
            + " is handling conversation "
            + conversationId
            + ": take it over to "
            + action
            + " it");
    this.assignee = assignee;
  }

  /** The agent handling the conversation. */
  public String assignee() {
    return assignee;
  }
}
