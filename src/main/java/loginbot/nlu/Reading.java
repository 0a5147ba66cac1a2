package loginbot.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * One message read once: its normalised words, the same words cut into sentences, and its language.
 * The NLU classifies from it and the dialogue reads its cues (yes/no, role, facts) from it, so
 * nothing normalises the same text twice.
 *
 * @param text the message as the dialogue sees it (already masked)
 * @param sentences the normalised words of each sentence, in order; never empty lists
 */
public record Reading(String text, List<List<String>> sentences, Language language) {

  public Reading {
    sentences = sentences.stream().map(List::copyOf).filter(s -> !s.isEmpty()).toList();
  }

  /** The reading of {@code text} when its language is already known (no detection). */
  public static Reading of(String text, Language language) {
    TextNormalizer normalizer = new TextNormalizer();
    String source = text == null ? "" : text;
    return new Reading(
        text,
        MessageReader.split(source).stream().map(s -> List.of(normalizer.tokens(s))).toList(),
        language);
  }

  /** All normalised words of the message, sentence after sentence. */
  public List<String> words() {
    List<String> all = new ArrayList<>();
    sentences.forEach(all::addAll);
    return all;
  }

  /** The normalised message: its words joined by single spaces. */
  public String normalized() {
    return String.join(" ", words());
  }
}
