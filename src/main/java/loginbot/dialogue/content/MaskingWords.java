package loginbot.dialogue.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words that, right after "my password is", describe a password rather than give one ({@code
 * masking/ordinary-words.txt}: lowercase words, several per line, {@code #} comments). Read once
 * per class loader: the list is shipped content and never changes while the bot runs.
 */
public final class MaskingWords {
  static final String FILE = "masking/ordinary-words.txt";
  private static final Set<String> SHIPPED = read();

  private MaskingWords() {}

  public static Set<String> shipped() {
    return SHIPPED;
  }

  private static Set<String> read() {
    try (InputStream in = MaskingWords.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + " is missing from the classpath");
      }
      Set<String> words = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int hash = line.indexOf('#');
        String content = hash < 0 ? line : line.substring(0, hash);
        for (String word : content.trim().split("\\s+")) {
          if (!word.isEmpty()) {
            words.add(word.toLowerCase(Locale.ROOT));
          }
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }
}
