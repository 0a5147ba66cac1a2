package loginbot.dialogue;

/** The conversation logic: a pure function of state and input, no I/O. */
public final class Dialogue {

  /** Applies one user message. */
  public Turn next(ConversationState state, UserInput input) {
    throw new IllegalStateException("dialogue engine not built yet");
  }

  /** An agent gives the conversation back to the bot. */
  public Turn handBack(ConversationState state) {
    throw new IllegalStateException("dialogue engine not built yet");
  }

  /** An agent closes the conversation. */
  public Turn close(ConversationState state) {
    throw new IllegalStateException("dialogue engine not built yet");
  }
}
