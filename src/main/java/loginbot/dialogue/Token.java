package loginbot.dialogue;

import java.util.ArrayList;
import java.util.List;

/** A whitespace-separated piece of a message, where it is, and on which line. */
record Token(int start, int end, int line, String text) {
  private static final String OPEN = "\"'«“‘`*_~([";
  private static final String CLOSE = "\"'»”’`*_~)]";

  static List<Token> split(String text) {
    List<Token> tokens = new ArrayList<>();
    int line = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (space(c)) {
        if (c == '\n') {
          line++;
        }
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && !space(text.charAt(i))) {
        i++;
      }
      tokens.add(new Token(start, i, line, text.substring(start, i)));
    }
    return tokens;
  }

  /** The index of the token holding the character at {@code offset} (or the one after it). */
  static int indexAt(List<Token> tokens, int offset) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).end() > offset) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  /**
   * The span to mask: the whole token, less quotes, brackets or markdown that enclose it in pairs.
   */
  int[] secret() {
    int from = 0;
    int to = text.length();
    while (to - from >= 3) {
      int open = OPEN.indexOf(text.charAt(from));
      char last = text.charAt(to - 1);
      boolean pair =
          open >= 0
              && (last == CLOSE.charAt(open)
                  || (text.charAt(from) == '\'' && last == '’')
                  || (text.charAt(from) == '“' && last == '"'));
      if (!pair) {
        break;
      }
      from++;
      to--;
    }
    return new int[] {start + from, start + to};
  }

  private static boolean space(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007';
  }
}
