package loginbot.dialogue;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import loginbot.nlu.Intent;
import loginbot.nlu.Understanding;

/**
 * Reads a typed yes or no in English or French: a small lexicon, then a leading yes/no word, then
 * the NLU's affirm/deny.
 */
final class YesNo {
  private static final Set<String> YES =
      Set.of(
          "yes",
          "y",
          "yeah",
          "yep",
          "yup",
          "sure",
          "oui",
          "ouais",
          "ouaip",
          "yes it worked",
          "it worked",
          "yes thanks",
          "yes thank you",
          "oui merci",
          "ca marche",
          "ca a marche",
          "ca a fonctionne",
          "ca fonctionne",
          "c'est bon",
          "oui ca marche",
          "oui ca a marche");
  private static final Set<String> NO =
      Set.of(
          "no",
          "n",
          "nope",
          "nah",
          "non",
          "not really",
          "still no",
          "no it didn't",
          "no it did not",
          "it didn't work",
          "it did not work",
          "pas vraiment",
          "toujours pas",
          "non toujours pas",
          "ca marche pas",
          "ca ne marche pas",
          "ca n'a pas marche",
          "ca n'a pas fonctionne",
          "non merci",
          "no thanks");

  private static final Set<String> YES_FIRST = Set.of("yes", "yeah", "yep", "yup", "oui", "ouais");
  private static final Set<String> NO_FIRST = Set.of("no", "nope", "nah", "non");
  // After a leading "yes", these turn the answer around ("yes but it still fails").
  private static final Set<String> CONTRAST =
      Set.of(
          "not",
          "no",
          "don't",
          "doesn't",
          "didn't",
          "isn't",
          "won't",
          "can't",
          "still",
          "but",
          "pas",
          "mais",
          "toujours",
          "ne",
          "rien",
          "nothing");

  // Compiled once: normalise runs several times per message, on the store's write path.
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}' ]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private YesNo() {}

  /** True for yes, false for no, empty when the message is neither. */
  static Optional<Boolean> read(String text, Understanding understanding) {
    String t = normalise(text);
    if (YES.contains(t)) {
      return Optional.of(true);
    }
    if (NO.contains(t)) {
      return Optional.of(false);
    }
    // "yes found it", "no, her username is alain_sirois": a leading yes/no word decides.
    String[] words = t.split(" ");
    if (words.length > 1
        && YES_FIRST.contains(words[0])
        && Arrays.stream(words)
            .skip(1)
            .noneMatch(w -> CONTRAST.contains(w) || w.startsWith("n'"))) {
      return Optional.of(true);
    }
    if (words.length > 1 && NO_FIRST.contains(words[0])) {
      return Optional.of(false);
    }
    Optional<Intent> intent = understanding.intent();
    if (intent.isPresent() && intent.get().equals(Intent.AFFIRM)) {
      return Optional.of(true);
    }
    if (intent.isPresent() && intent.get().equals(Intent.DENY)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /** Lower case, no accents, typographic apostrophes straightened, edge punctuation dropped. */
  static String normalise(String text) {
    String t =
        MARKS
            .matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
            .replaceAll("")
            .replace('’', '\'');
    return SPACES.matcher(NOT_WORD.matcher(t).replaceAll(" ")).replaceAll(" ").trim();
  }
}
