package loginbot.dialogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes passwords from user text before it is classified, stored, logged or handed off. Pure:
 * the conversation state only tells whether the bot has just asked something about a password.
 */
public final class PasswordMasker {
  static final String MASK = "••••••";

  // "my password is X", "pwd: X", "mdp : X", "mot de passe est X", "password=X"
  private static final Pattern LABELLED = Pattern.compile(
      "(?iu)\\b(pass(?:word)?|passwd|pwd|mdp|mot\\s+de\\s+passe)(\\s*(?:is|est|was|était|etait|c'est|=|:)\\s*|\\s+)"
          + "([\"'«“]?)(\\S{4,})");

  public Masked mask(String text, ConversationState state) {
    Matcher m = LABELLED.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean found = false;
    while (m.find()) {
      if (!looksLikePassword(m.group(4))) {
        continue;
      }
      found = true;
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(3) + MASK));
    }
    m.appendTail(out);
    return new Masked(out.toString(), found);
  }

  static boolean looksLikePassword(String token) {
    String t = token.replaceAll("[\"'»”.,!?]+$", "");
    if (t.length() < 4) {
      return false;
    }
    boolean hasDigit = t.chars().anyMatch(Character::isDigit);
    boolean hasSymbol = t.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
    boolean mixedCase = !t.equals(t.toLowerCase()) && !t.equals(t.toUpperCase());
    boolean commonWord = t.toLowerCase().matches(
        "(wrong|incorrect|invalid|invalide|oublié|oublie|forgotten|expired|expiré|expire|not|pas|reset|"
            + "working|correct|bad|faux|erroné|errone|mauvais|temporary|temporaire|field|champ)");
    return !commonWord && (hasDigit || hasSymbol || mixedCase || t.length() >= 6);
  }
}
