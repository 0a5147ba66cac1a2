package loginbot.dialogue;

import java.util.List;

/**
 * What the dialogue asks the world to do after a turn; performed by the service, never by the
 * dialogue.
 */
public sealed interface Action {

  /** A bot message with optional quick replies. */
  record Reply(String text, List<Button> buttons) implements Action {
    public Reply {
      buttons = List.copyOf(buttons);
    }

    public static Reply text(String text) {
      return new Reply(text, List.of());
    }
  }

  /** Hand the conversation to a human agent, with everything the bot collected. */
  record Handoff(HandoffPacket packet) implements Action {}

  /** The conversation is over; {@code resolved} when the user confirmed a fix worked. */
  record Close(boolean resolved) implements Action {}

  /** The user starts over: a new episode begins, and the previous one keeps its record. */
  record NewEpisode() implements Action {}
}
