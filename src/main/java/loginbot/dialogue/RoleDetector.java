package loginbot.dialogue;

import java.util.List;
import java.util.Optional;
import loginbot.dialogue.PhraseScan.Match;
import loginbot.dialogue.content.Cue;
import loginbot.dialogue.content.Lexicon;

/**
 * Infers who is typing from the wording, with the word lists' role cues: "my client can't log in"
 * or « mon client » is a professional; "I'm a customer", and any first-person message about one's
 * own account ("I forgot my password", « j'ai oublié mon mot de passe »), is a customer, unless it
 * also speaks of someone else ("I reset her password"). Pure.
 */
final class RoleDetector {
  /** A bare answer to the role question is short; longer text is read with {@link #detect}. */
  static final int ANSWER_MAX_WORDS = 6;

  private final PhraseScan wording;
  private final PhraseScan someoneElse;
  private final PhraseScan answers;

  RoleDetector(Lexicon lexicon) {
    // Scanned together so the longer phrase wins: "my client app" is one's own app, not a client.
    this.wording = new PhraseScan(lexicon, List.of(Cue.CUSTOMER, Cue.PROFESSIONAL));
    this.someoneElse = new PhraseScan(lexicon, List.of(Cue.SOMEONE_ELSE));
    this.answers = new PhraseScan(lexicon, List.of(Cue.PROFESSIONAL_ANSWER, Cue.CUSTOMER_ANSWER));
  }

  /** The role the wording reveals, if any. */
  Optional<Role> detect(List<String> words) {
    List<Match> found = wording.scan(words);
    if (found.stream().anyMatch(m -> m.cue() == Cue.PROFESSIONAL)) {
      return Optional.of(Role.PROFESSIONAL);
    }
    List<Match> own = found;
    if (own.isEmpty()) {
      return Optional.empty();
    }
    // "I'm a client" names the customer itself; outside the cue, "her" or "client" is another
    // person.
    boolean[] inCue = new boolean[words.size()];
    own.forEach(m -> java.util.Arrays.fill(inCue, m.start(), m.end(), true));
    for (int i = 0; i < words.size(); i++) {
      if (!inCue[i] && someoneElse.anyIn(words.subList(i, i + 1))) {
        return Optional.empty();
      }
    }
    return Optional.of(Role.CUSTOMER);
  }

  /**
   * A short answer to the role question ("it's for me", « pour un client »), else {@link #detect}.
   */
  Optional<Role> answer(List<String> words) {
    if (words.size() <= ANSWER_MAX_WORDS) {
      List<Match> said = answers.scan(words);
      if (!said.isEmpty()) {
        return Optional.of(
            said.get(0).cue() == Cue.PROFESSIONAL_ANSWER ? Role.PROFESSIONAL : Role.CUSTOMER);
      }
    }
    return detect(words);
  }
}
