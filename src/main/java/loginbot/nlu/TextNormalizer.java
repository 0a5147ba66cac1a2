package loginbot.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings English and French chat text to one comparable form: lower case, accents folded, French
 * elisions split ("l'application" → "l application"), English contractions joined ("can't" →
 * "cant", as people type it anyway), quotes and punctuation dropped while the quoted words stay, an
 * emoji kept as a word, then {@link Synonyms} folded ("pwd" → "password"). One pass over the
 * characters (it runs on every message, twice per training line). Stateless.
 */
public final class TextNormalizer {
  private final Synonyms synonyms;

  /** The normaliser with the synonyms shipped in the jar: the one the model is trained with. */
  public TextNormalizer() {
    this(Synonyms.shipped());
  }

  /** The normaliser folding {@code synonyms} (CONTENT_DIR's, when the bot runs with one). */
  public TextNormalizer(Synonyms synonyms) {
    this.synonyms = synonyms;
  }

  private static final String[] NONE = new String[0];
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}");
  private static final Pattern URL = Pattern.compile("(?i)(https?://|www\\.)\\S+");
  // French words that elide before a vowel: the apostrophe separates two words, so split them.
  private static final Set<String> ELIDING =
      Set.of(
          "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
          "presqu");

  /** The normalised text: single spaces between words, no leading or trailing space. */
  public String normalize(String text) {
    return String.join(" ", tokens(text));
  }

  /** The words of the normalised text; empty for blank input. */
  public String[] tokens(String text) {
    if (text == null || text.isEmpty()) {
      return NONE;
    }
    String s = text;
    if (s.indexOf('@') >= 0) {
      s = EMAIL.matcher(s).replaceAll(" email ");
    }
    if (s.indexOf('/') >= 0 || s.indexOf('.') >= 0) {
      s = URL.matcher(s).replaceAll(" link ");
    }
    if (!isAscii(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFD);
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (isMark(type)) {
        continue;
      }
      if (isWordCharacter(c, type)) {
        appendFolded(word, c);
      } else if (isApostrophe(c)
          && endsWithLetter(word)
          && i < s.length()
          && Character.isLetter(s.codePointAt(i))) {
        if (ELIDING.contains(word.toString())) {
          flush(word, tokens);
        }
      } else {
        flush(word, tokens);
        if (type == Character.OTHER_SYMBOL || (c >= 0x1F300 && c <= 0x1FAFF)) {
          tokens.add("emoji" + Integer.toHexString(c));
        }
      }
    }
    flush(word, tokens);
    return synonyms.fold(tokens).toArray(NONE);
  }

  private static void appendFolded(StringBuilder word, int c) {
    int lower = Character.toLowerCase(c);
    switch (lower) {
      case 'œ' -> word.append("oe");
      case 'æ' -> word.append("ae");
      case 'ß' -> word.append("ss");
      default -> word.appendCodePoint(lower);
    }
  }

  private static void flush(StringBuilder word, List<String> tokens) {
    if (word.length() > 0) {
      tokens.add(word.toString());
      word.setLength(0);
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMark(int type) {
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isWordCharacter(int c, int type) {
    return Character.isLetter(c)
        || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static boolean isApostrophe(int c) {
    return c == '\'' || c == '’' || c == '‘' || c == '`' || c == '´' || c == 'ʼ' || c == 'ʹ'
        || c == '′';
  }

  private static boolean endsWithLetter(StringBuilder word) {
    return word.length() > 0 && Character.isLetter(word.charAt(word.length() - 1));
  }
}
