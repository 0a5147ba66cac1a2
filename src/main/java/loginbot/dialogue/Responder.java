package loginbot.dialogue;

import java.time.Instant;
import java.util.Optional;
import loginbot.nlu.Language;
import loginbot.nlu.Nlu;
import loginbot.nlu.Understanding;

/**
 * One user message through masking, understanding and the dialogue. Deterministic and free of
 * I/O, so the store can run it while it holds the conversation's lock.
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

  /** The turn, plus the masked text and understanding the transcript keeps. */
  public record Response(Turn turn, String maskedText, Understanding understanding) {}

  /** {@code state} is null for a conversation's first message. */
  public Response respond(
      ConversationState state, String text, Optional<Role> role, Optional<Language> language, Instant at) {
    ConversationState current = state;
    Masked masked = masker.mask(text, current);
    Understanding understanding = nlu.understand(masked.text());
    if (current == null) {
      current = ConversationState.initial(language.orElse(understanding.language()));
    }
    UserInput input = new UserInput(
        masked.text(), understanding, role, language, masked.hadPassword(), at);
    return new Response(dialogue.next(current, input), masked.text(), understanding);
  }

  public Dialogue dialogue() {
    return dialogue;
  }
}
