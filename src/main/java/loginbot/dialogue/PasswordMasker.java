package loginbot.dialogue;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes passwords from user text before it is classified, stored, logged or handed off: a token
 * labelled as a password ("my password is X", "mdp : X", "password X2024!"), or a lone token that
 * looks like one right after the bot talked about passwords. Pure: the state only says what the bot
 * asked last (null for a conversation's first message).
 */
public final class PasswordMasker {
  static final String MASK = "••••••";

  private static final String LABEL =
      "(?:password|passwd|passcode|pwd|pw|mdp|mot\\s+de\\s+passe)"
          + "(?:\\s+(?:temporaire|temporary|actuel|current|nouveau|new))?";
  // "password is X", "mdp : X", "mot de passe c'est X", "password=X"
  private static final Pattern EXPLICIT =
      Pattern.compile(
          "(?iuU)\\b("
              + LABEL
              + "(?:\\s*(?:\\bis\\b|\\best\\b|\\bwas\\b|\\bétait\\b|\\betait\\b|\\bc['’]est\\b)\\s*[:=]?"
              + "|\\s*[:=])\\s*)"
              + "([\"'«“‘]?\\s*)([^\\s\"'«»“”‘’]+)");
  // "password Hunter2!" — only a token that cannot be an ordinary word.
  private static final Pattern SPACED =
      Pattern.compile("(?iuU)\\b(" + LABEL + "\\s+)([\"'«“‘]?)([^\\s\"'«»“”‘’]+)");
  private static final Set<String> ORDINARY =
      Set.of(
          "wrong",
          "incorrect",
          "invalid",
          "invalide",
          "expired",
          "expiré",
          "expire",
          "correct",
          "right",
          "bad",
          "good",
          "fine",
          "ok",
          "okay",
          "faux",
          "mauvais",
          "bon",
          "erroné",
          "errone",
          "refused",
          "refusé",
          "refuse",
          "rejected",
          "rejeté",
          "rejete",
          "not",
          "pas",
          "still",
          "toujours",
          "always",
          "never",
          "jamais",
          "just",
          "really",
          "very",
          "also",
          "aussi",
          "too",
          "trop",
          "being",
          "been",
          "the",
          "le",
          "la",
          "les",
          "une",
          "un",
          "same",
          "pareil",
          "changed",
          "changé",
          "change",
          "reset",
          "réinitialisé",
          "forgotten",
          "oublié",
          "oublie",
          "lost",
          "perdu",
          "temporary",
          "temporaire",
          "valid",
          "valide",
          "accepted",
          "accepté",
          "working",
          "weird",
          "bizarre",
          "strange",
          "different",
          "différent",
          "case",
          "sensitive",
          "long",
          "short",
          "court",
          "empty",
          "vide",
          "locked",
          "bloqué",
          "bloque",
          "blocked",
          "missing",
          "unknown",
          "inconnu",
          "probably",
          "maybe",
          "peut-être",
          "definitely",
          "required",
          "requis",
          "needed",
          "asked",
          "demandé",
          "sent",
          "envoyé",
          "there",
          "here",
          "what",
          "quoi",
          "which",
          "lequel",
          "for",
          "pour",
          "and",
          "et",
          "or",
          "ou");
  private static final Pattern USERNAME_SHAPE = Pattern.compile("(?i)[a-z]+(?:_[a-z0-9]+)+");

  public Masked mask(String text, ConversationState state) {
    boolean[] found = {false};
    String out = replace(EXPLICIT, text, (quoted, token) -> plausible(token), found);
    // Without "is" or ":", only a quoted token or one that cannot be an ordinary word.
    out =
        replace(
            SPACED,
            out,
            (quoted, token) -> quoted ? plausible(token) : looksLikePassword(token),
            found);
    if (!found[0] && state != null && state.askedAboutPassword() && loneSecret(out.trim())) {
      return new Masked(MASK, true);
    }
    return new Masked(out, found[0]);
  }

  private static String replace(
      Pattern pattern,
      String text,
      java.util.function.BiPredicate<Boolean, String> isSecret,
      boolean[] found) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String token = m.group(3);
      if (token.equals(MASK) || !isSecret.test(!m.group(2).isBlank(), token)) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      found[0] = true;
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK + trailing(token)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * After an explicit "is" or ":", anything but a short or ordinary word is taken for a password.
   */
  static boolean plausible(String token) {
    String t = strip(token);
    return t.length() >= 3
        && !ORDINARY.contains(t.toLowerCase(Locale.ROOT))
        && (looksLikePassword(t) || t.length() >= 5);
  }

  /**
   * A token that cannot be an ordinary word: letters with digits or symbols, or mixed case inside.
   */
  static boolean looksLikePassword(String token) {
    String t = strip(token);
    if (t.length() < 4 || t.contains("@") || t.startsWith("/") || t.equals(MASK)) {
      return false;
    }
    boolean letter = t.chars().anyMatch(Character::isLetter);
    boolean digit = t.chars().anyMatch(Character::isDigit);
    boolean symbol =
        t.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && c != '\'' && c != '’' && c != '-');
    boolean innerUpper =
        t.substring(1).chars().anyMatch(Character::isUpperCase)
            && t.chars().anyMatch(Character::isLowerCase);
    return (letter && digit) || (symbol && (letter || digit)) || innerUpper;
  }

  /** The whole message is one token shaped like a password (not an e-mail, payload or username). */
  static boolean loneSecret(String text) {
    return !text.isEmpty()
        && !text.contains(" ")
        && text.length() >= 6
        && text.length() <= 64
        && !USERNAME_SHAPE.matcher(text).matches()
        && !text.matches("[\\d.]+")
        && looksLikePassword(text);
  }

  private static String strip(String token) {
    return token.replaceAll("[.,!?;:)]+$", "");
  }

  private static String trailing(String token) {
    return token.substring(strip(token).length());
  }
}
