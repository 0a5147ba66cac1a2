package loginbot.nlu;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings English and French chat text to one comparable form: lower case, accents folded, French
 * elisions split ("l'application" → "l application"), English contractions joined ("can't" → "cant",
 * as people type it anyway), quotes and punctuation dropped while the quoted words stay. Stateless.
 */
public final class TextNormalizer {
  private static final Pattern APOSTROPHES = Pattern.compile("[’‘`´ʼʹ′]");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
  private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+");
  private static final Pattern APOSTROPHE_WORD = Pattern.compile("(\\p{L}+)'(?=\\p{L})");
  private static final Pattern EMOJI = Pattern.compile("[\\p{So}\\x{1F300}-\\x{1FAFF}]");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  // French words that elide before a vowel: the apostrophe separates two words, so split them.
  private static final Set<String> ELIDING = Set.of(
      "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu");

  /** The normalised text: single spaces between words of letters and digits, no leading/trailing space. */
  public String normalize(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String s = text.toLowerCase(Locale.ROOT);
    s = APOSTROPHES.matcher(s).replaceAll("'");
    s = s.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    s = EMAIL.matcher(s).replaceAll(" email ");
    s = URL.matcher(s).replaceAll(" link ");
    // An emoji ("👍") can be a whole answer: keep it as a word of its own.
    s = EMOJI.matcher(s).replaceAll(m -> " emoji" + Integer.toHexString(m.group().codePointAt(0)) + " ");
    s = APOSTROPHE_WORD.matcher(s).replaceAll(m -> ELIDING.contains(m.group(1)) ? m.group(1) + " " : m.group(1));
    return NOT_WORD.matcher(s).replaceAll(" ").trim();
  }

  /** The words of the normalised text; empty for blank input. */
  public String[] tokens(String text) {
    String normalized = normalize(text);
    return normalized.isEmpty() ? new String[0] : normalized.split(" ");
  }
}
