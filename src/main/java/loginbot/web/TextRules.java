package loginbot.web;

import java.util.Optional;

/**
 * What text the bot accepts from outside. Messages may hold tabs and line breaks but no other
 * control character and no half of a surrogate pair; identifiers also hold no line break, tab, line
 * or paragraph separator, or bidirectional override (which would make an id look like another in
 * the console).
 */
public final class TextRules {
  private TextRules() {}

  /** Why {@code text} is refused, as the end of a sentence; empty when it is fine. */
  public static Optional<String> problem(String text, boolean identifier) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of(at("holds half of a surrogate pair", c, i));
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of(at("holds half of a surrogate pair", c, i));
      }
      boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
      if (Character.getType(c) == Character.CONTROL && !(lineBreakOrTab && !identifier)) {
        return Optional.of(at("holds a control character", c, i));
      }
      if (identifier && invisibleLayout(c)) {
        return Optional.of(at("holds a line separator or a direction override", c, i));
      }
    }
    return Optional.empty();
  }

  /** {@code text} with every control character and lone surrogate shown as {@code \\uXXXX}. */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1))
              || Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(text.charAt(i - 1));
      if (Character.getType(c) == Character.CONTROL
          || invisibleLayout(c)
          || (Character.isSurrogate(c) && !paired)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean invisibleLayout(char c) {
    return c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static String at(String what, char c, int index) {
    return what + String.format(" (U+%04X at position %d)", (int) c, index + 1);
  }
}
