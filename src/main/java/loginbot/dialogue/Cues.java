package loginbot.dialogue;

import java.util.Map;
import java.util.Optional;
import loginbot.nlu.Intent;

/**
 * What one message says to the dialogue, read once from its {@link loginbot.nlu.Reading}: the
 * yes/no answer it gives, whether it hedges or asks, who is writing, the role it answers with, the
 * facts it states, and the small talk it is.
 *
 * @param words how many words the message has
 * @param role the role its wording reveals ("my client", "I forgot my password")
 * @param roleAnswer the role it gives as a bare answer to the role question ("it's for me")
 * @param stated facts it states ({@code access_revoked=no}), from the word lists
 */
record Cues(
    Answer answer,
    boolean hedged,
    boolean question,
    int words,
    Optional<Role> role,
    Optional<Role> roleAnswer,
    Map<String, String> stated,
    Optional<Intent> smallTalk) {

  /** A reply's meaning to a yes/no question. */
  enum Answer {
    /** A clear yes: no negation, hedge, question or "but" about it. */
    YES,
    /** A no, a negated "it worked", or a failure. */
    NO,
    /** Both, a hedge, or a question: the bot must ask again. */
    UNCLEAR,
    /** Nothing yes- or no-like. */
    NONE
  }

  Cues {
    stated = Map.copyOf(stated);
  }

  /** True for yes, false for no, empty otherwise: the shape the older callers use. */
  Optional<Boolean> yesNo() {
    return answer == Answer.YES
        ? Optional.of(true)
        : answer == Answer.NO ? Optional.of(false) : Optional.empty();
  }
}
