package loginbot.dialogue;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a token that could be a password from one that cannot: ordinary words (from {@code
 * masking/ordinary-words.txt}), identifiers, versions, error codes. Two degrees: <em>plausible</em>
 * after an explicit "password is" or "mdp :", <em>strong</em> (shaped like a password on its own)
 * everywhere else.
 */
final class PasswordShapes {
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
  static final Pattern USERNAME =
      // A lookahead and possessive runs: the obvious "x*[a-z]x*" backtracks in the square of a
      // long word's length, which a 27,000-character message turned into seconds of CPU.
      Pattern.compile("(?=[\\p{N}]*+\\p{Ll})[\\p{Ll}\\p{N}]++(?:[._-][\\p{Ll}\\p{N}]++)+");
  private static final Pattern VERSION =
      Pattern.compile("(?i)v?\\d+(?:\\.\\d+)+(?:[-+.][a-z0-9]+)*");
  private static final Pattern CODE = Pattern.compile("[A-Z]{1,6}(?:[-_][A-Z]+)*[-_]?\\d{2,}");
  private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
  private static final Pattern ELISION = Pattern.compile("(?i)[cdjlmnst][’'][\\p{L}-]+");
  // "Wasn't", "Didn't", "I'm": an upper case letter and an apostrophe are not a password's mix.
  private static final Pattern CONTRACTION =
      Pattern.compile("(?i)\\p{L}+(?:n[’']t|[’'](?:s|re|ll|ve|d|m))");
  private static final Pattern LABEL =
      Pattern.compile("(?i)pass(?:word|wd|w0rd|code)?s?|pwd|pw|mdp|motdepasse");
  private static final String WRAPPERS = "*_~`\"'«»“”‘’()[]{}<>";
  private static final String TRAILING = ".,;:!?…";

  private final Set<String> ordinary;

  private PasswordShapes(Set<String> ordinary) {
    this.ordinary = ordinary;
  }

  /** With the words that describe a password rather than give one ({@link MaskingWords}). */
  static PasswordShapes of(Set<String> ordinaryWords) {
    return new PasswordShapes(Set.copyOf(ordinaryWords));
  }

  /** The token without markdown, brackets, quotes or sentence punctuation around it. */
  static String core(String token) {
    int from = 0;
    int to = token.length();
    while (from < to && WRAPPERS.indexOf(token.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && (WRAPPERS + TRAILING).indexOf(token.charAt(to - 1)) >= 0) {
      to--;
    }
    return token.substring(from, to);
  }

  /** After an explicit label and connector: anything but an ordinary word or an identifier. */
  boolean plausible(String token) {
    String core = core(token);
    if (core.codePointCount(0, core.length()) < 3
        || core.codePoints().noneMatch(Character::isLetterOrDigit)
        || core.contains(PasswordMasker.MASK)
        || EMAIL.matcher(core).matches()
        || URL.matcher(core).matches()
        || core.startsWith("/")
        || LABEL.matcher(core).matches()) {
      return false;
    }
    return !ordinaryWord(core);
  }

  /** Shaped like a password even without a label: mixes kinds of characters, not an identifier. */
  boolean strong(String token) {
    String core = core(token);
    if (!plausible(token)
        || USERNAME.matcher(core).matches()
        || VERSION.matcher(core).matches()
        || CODE.matcher(core).matches()) {
      return false;
    }
    int length = core.codePointCount(0, core.length());
    boolean lower = core.codePoints().anyMatch(Character::isLowerCase);
    boolean upper = core.codePoints().anyMatch(Character::isUpperCase);
    boolean digit = core.codePoints().anyMatch(Character::isDigit);
    boolean symbol = core.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
    boolean letter = lower || upper;
    int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    return (length >= 6 && kinds >= 3) || (length >= 8 && letter && digit);
  }

  /**
   * Right after a label without "is" or ":" ("password Maple2022"): shaped like a password, or
   * letters with digits, which ordinary words after "password" never are.
   */
  boolean afterBareLabel(String token) {
    String core = core(token);
    return strong(token)
        || plausible(token)
            && core.codePointCount(0, core.length()) >= 5
            && core.codePoints().anyMatch(Character::isLetter)
            && core.codePoints().anyMatch(Character::isDigit)
            && !VERSION.matcher(core).matches()
            && !CODE.matcher(core).matches();
  }

  /** An identifier a user gives on purpose: an e-mail or a lowercase username. */
  static boolean identifier(String token) {
    String core = core(token);
    return EMAIL.matcher(core).matches() || USERNAME.matcher(core).matches();
  }

  private boolean ordinaryWord(String core) {
    String lower = core.toLowerCase(Locale.ROOT);
    if (ordinary.contains(lower)
        || ELISION.matcher(core).matches()
        || CONTRACTION.matcher(core).matches()) {
      return true;
    }
    if (!core.codePoints().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) {
      return false;
    }
    // Participles and gerunds describe a password ("expiring", "generated", "refusée").
    return lower.length() >= 5
            && (lower.endsWith("ing") || lower.endsWith("ed") || lower.endsWith("en"))
        || lower.length() >= 4
            && (lower.endsWith("é")
                || lower.endsWith("ée")
                || lower.endsWith("és")
                || lower.endsWith("ées"));
  }
}
