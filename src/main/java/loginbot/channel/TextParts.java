package loginbot.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * A long text cut into parts a turn can read, where a reader would pause: between paragraphs, else
 * between lines, else after a sentence, else between words. A part is never empty, and no character
 * (nor half of a surrogate pair) is lost or doubled, apart from the spaces at a cut.
 */
public final class TextParts {
  private TextParts() {}

  /**
   * @param max the longest part, in chars; at least 2
   */
  public static List<String> split(String text, int max) {
    if (max < 2) {
      throw new IllegalArgumentException("parts of at most " + max + " chars cannot hold text");
    }
    List<String> parts = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = cut(rest, max);
      add(parts, rest.substring(0, cut));
      rest = rest.substring(cut).strip();
    }
    add(parts, rest);
    return parts;
  }

  private static int cut(String text, int max) {
    String window = text.substring(0, max + 1);
    // Not too early: a cut in the first half would make many small parts.
    int floor = max / 2;
    int at = window.lastIndexOf("\n\n");
    if (at > floor) {
      return at;
    }
    at = window.lastIndexOf('\n');
    if (at > floor) {
      return at;
    }
    for (int i = max - 1; i > floor; i--) {
      char c = window.charAt(i);
      if ((c == '.' || c == '!' || c == '?' || c == '…')
          && Character.isWhitespace(window.charAt(i + 1))) {
        return i + 1;
      }
    }
    for (int i = max; i > floor; i--) {
      if (Character.isWhitespace(window.charAt(i))) {
        return i;
      }
    }
    return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
  }

  private static void add(List<String> parts, String part) {
    if (!part.isBlank()) {
      parts.add(part.strip());
    }
  }
}
