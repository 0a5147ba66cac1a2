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

  /**
   * Reads a message before its conversation's state is known (outside the store's lock): masked and
   * classified, when no state can change its masking; null when one can, and the turn then reads it
   * in its state. A secret is never classified unmasked.
   */
  public Reading readAhead(String text) {
    return masker
        .maskInAnyState(text)
        .map(masked -> new Reading(masked, nlu.understand(masked.text())))
        .orElse(null);
  }

  /** {@code ahead} (from {@link #readAhead}) when there is one, else the reading in the state. */
  public Reading read(ConversationState state, String text, Reading ahead) {
    return ahead != null ? ahead : read(state, text);
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
    return respond(state, text, null, role, language, at, screenshot);
  }

  /**
   * Like the above, reusing {@code ahead} (from {@link #readAhead}; may be null) where it holds.
   */
  public Response respond(
      ConversationState state,
      String text,
      Reading ahead,
      Optional<Role> role,
      Optional<Language> language,
      Instant at,
      Optional<Screenshot> screenshot) {
    Reading reading = read(state, text, ahead);
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
