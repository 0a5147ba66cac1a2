package loginbot.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a message once into a {@link Reading}: sentences split where a sentence ends (not inside an
 * e-mail address, a version number or a URL), each normalised into words, and the language of the
 * whole. Stateless and thread-safe.
 */
public final class MessageReader {
  private final TextNormalizer normalizer;
  private final LanguageDetector languages;

  public MessageReader(TextNormalizer normalizer, LanguageDetector languages) {
    this.normalizer = normalizer;
    this.languages = languages;
  }

  public Reading read(String text) {
    List<List<String>> sentences = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (String sentence : split(text == null ? "" : text)) {
      List<String> tokens = Arrays.asList(normalizer.tokens(sentence));
      sentences.add(tokens);
      words.addAll(tokens);
    }
    return new Reading(text, sentences, languages.detect(words.toArray(String[]::new)));
  }

  /** Cuts after . ! ? … or a line break when what follows is a space or the end. */
  static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean end =
          c == '\n'
              || ((c == '.' || c == '!' || c == '?' || c == '…')
                  && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
      if (end) {
        parts.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      parts.add(text.substring(start));
    }
    return parts;
  }
}
