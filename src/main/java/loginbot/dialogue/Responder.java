package loginbot.dialogue;

import java.time.Instant;
import java.util.Optional;
import loginbot.nlu.Language;
import loginbot.nlu.Nlu;
import loginbot.nlu.Understanding;

/**
 * One user message through masking, understanding and the dialogue. Deterministic and free of I/O,
 * so the store can run it while it holds the conversation's lock.
 */
public final class Responder {
  private final Nlu nlu;
  private final PasswordMasker masker;
  private final Dialogue dialogue;

  public Responder(Nlu nlu, PasswordMasker masker, Dialogue dialogue) {
    this.nlu = nlu;
    this.masker = masker;
    this.dialogue = dialogue;
  }

  /** What the transcript keeps of a message: its masked text and what the NLU made of it. */
  public record Reading(Masked masked, Understanding understanding) {}

  /** The turn, plus the reading of the message that caused it. */
  public record Response(Turn turn, Reading reading) {}

  /** Masks and classifies without running the dialogue: enough while a human owns the chat. */
  public Reading read(ConversationState state, String text) {
    Masked masked = masker.mask(text, state);
    return new Reading(masked, nlu.understand(masked.text()));
  }

  /** {@code state} is null for a conversation's first message. */
  public Response respond(
      ConversationState state,
      String text,
      Optional<Role> role,
      Optional<Language> language,
      Instant at) {
    return respond(state, text, role, language, at, Optional.empty());
  }

  /** Like the above, for a message that is an image ({@code text} is what was read from it). */
  public Response respond(
      ConversationState state,
      String text,
      Optional<Role> role,
      Optional<Language> language,
      Instant at,
      Optional<Screenshot> screenshot) {
    Reading reading = read(state, text);
    Understanding understanding = reading.understanding();
    ConversationState current =
        state != null
            ? state
            : ConversationState.initial(language.orElse(understanding.language()));
    UserInput input =
        new UserInput(
            reading.masked().text(),
            understanding,
            role,
            language,
            reading.masked().hadPassword(),
            at,
            screenshot);
    return new Response(dialogue.next(current, input), reading);
  }

  public Dialogue dialogue() {
    return dialogue;
  }
}
