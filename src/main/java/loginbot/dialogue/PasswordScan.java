package loginbot.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of {@link PasswordMasker}, over the text's whitespace-separated tokens. Each rule adds
 * the spans (start inclusive, end exclusive) of the secrets it finds; a span covers a whole token,
 * less the quotes, brackets or markdown that enclose it.
 */
final class PasswordScan {
  private static final Pattern LABEL =
      Pattern.compile(
          "(?iU)(?<![\\p{L}\\p{N}_])(?:pass(?:word|wd|w0rd|code)|pass|pwd|pw|mdp"
              + "|mot[\\s-]*de[\\s-]*passe|motdepasse)(?![\\p{L}\\p{N}])");
  // "username/password", "identifiant/mdp": the credentials rule reads what follows those.
  private static final Pattern COMPOUND_BEFORE =
      Pattern.compile("(?iU)(?:user(?:name)?|login|identifiant|e-?mail|courriel)\\s*[/&+]\\s*$");
  private static final Pattern CREDENTIALS =
      Pattern.compile(
          "(?iU)(?<!\\p{L})(?:credentials|creds|login details|identifiants|(?:user(?:name)?|login"
              + "|identifiant|e-?mail|courriel)\\s*[/&+]\\s*(?:password|pass|pwd|mdp|mot de passe))"
              + "(?!\\p{L})");
  private static final Pattern ATTACHED =
      Pattern.compile("^[*_~]*(:|=|->|=>|→|\\||['’]s\\b)?[*_~]*");
  // "u: alain_sirois p: X": a one-letter label, read only after a user label.
  private static final Pattern USER_THEN_P =
      Pattern.compile("(?iU)(?<!\\p{L})(?:u|usr|user)\\s*[:=]\\s*\\S+[\\s,;]+p\\s*[:=]");
  private static final Set<String> CONNECTORS =
      Set.of(
          "is", "was", "be", "'s", "’s", "it's", "it’s", "is:", "was:", "est", "était", "etait",
          "c'est", "c’est", "cest", "c", "est:", "sera", "serait", "=", ":", "-", "–", "—", "->",
          "=>", "→", "|");
  private static final Set<String> SOFT_CONNECTORS = Set.of("to", "into", "pour");
  // Between "is" and the value; a value after one of these must be shaped like a password.
  private static final Set<String> GLUE =
      Set.of(
          "now",
          "maintenant",
          "actually",
          "currently",
          "literally",
          "basically",
          "simply",
          "the",
          "a",
          "le",
          "la",
          "un",
          "une",
          "juste",
          "simplement");
  private static final Set<String> BEFORE_LABEL =
      Set.of(
          "my",
          "the",
          "our",
          "your",
          "mon",
          "ma",
          "le",
          "la",
          "notre",
          "votre",
          "current",
          "new",
          "actuel",
          "nouveau",
          "temporary",
          "temporaire",
          "real",
          "vrai");
  private static final Set<String> VALUE_THEN_LABEL =
      Set.of("is", "was", "est", "c'est", "c’est", "as", "comme", "=");
  private static final Set<String> PAIR_SEPARATORS = Set.of("/", "|", ":", "-", "–", ",");
  private static final String OPENERS = "\"'«“‘`";
  private static final String CLOSERS = "\"'»”’`";
  static final int MAX_FILLERS = 4;
  static final int SHORT_MESSAGE = 8;

  private final PasswordShapes shapes;

  PasswordScan(PasswordShapes shapes) {
    this.shapes = shapes;
  }

  List<int[]> secrets(String text, boolean askedAboutPassword) {
    List<Token> tokens = Token.split(text);
    List<int[]> spans = new ArrayList<>();
    Matcher label = LABEL.matcher(text);
    boolean labelled = false;
    while (label.find()) {
      labelled = true;
      afterLabel(text, tokens, label.start(), label.end(), spans);
    }
    valueThenLabel(text, tokens, spans);
    pairs(tokens, spans);
    credentials(text, tokens, spans);
    userThenP(text, tokens, spans);
    if (labelled) {
      afterAnyConnector(tokens, spans);
    }
    if (askedAboutPassword && tokens.size() <= SHORT_MESSAGE) {
      for (Token t : tokens) {
        if (shapes.strong(t.text()) && !PasswordShapes.identifier(t.text())) {
          spans.add(t.secret());
        }
      }
    }
    return spans;
  }

  /** "password is X", "mdp : X", "password X2024!", an OCR'd "Password" line above the value. */
  private void afterLabel(String text, List<Token> tokens, int start, int end, List<int[]> spans) {
    int from = Math.max(0, start - 30);
    Matcher compound = COMPOUND_BEFORE.matcher(text.substring(from, start));
    // "User / password" names a field, unless its "user" is the value of an earlier label
    // ("password is user / password is x0"): then masking it must not hide the next label.
    if (compound.find() && !inSpan(spans, from + compound.start())) {
      return;
    }
    int host = Token.indexAt(tokens, end - 1);
    Token hostToken = tokens.get(host);
    Matcher attached = ATTACHED.matcher(text.substring(end, hostToken.end()));
    attached.lookingAt();
    boolean hard = attached.group(1) != null;
    int valueAt = end + attached.end();
    if (valueAt < hostToken.end()) {
      char next = text.charAt(valueAt);
      if (hard || OPENERS.indexOf(next) >= 0) {
        Token value =
            new Token(
                valueAt,
                hostToken.end(),
                hostToken.line(),
                text.substring(valueAt, hostToken.end()));
        take(text, value, hard, false, 0, spans);
      }
      return;
    }
    boolean labelOnly = labelOnlyLine(tokens, host);
    boolean soft = false;
    int fillers = 0;
    int glue = 0;
    for (int j = host + 1; j < tokens.size() && j <= host + 10; j++) {
      Token t = tokens.get(j);
      if (t.line() != hostToken.line()) {
        boolean alone = j + 1 == tokens.size() || tokens.get(j + 1).line() != t.line();
        if (labelOnly && t.line() == hostToken.line() + 1 && alone && shapes.plausible(t.text())) {
          spans.add(t.secret());
        }
        return;
      }
      if (t.text().contains(PasswordMasker.MASK)) {
        return; // masked already
      }
      String word = PasswordShapes.core(t.text()).toLowerCase(Locale.ROOT);
      if (!quoted(t.text()) && (CONNECTORS.contains(word) || connectorSymbols(t.text()))) {
        hard = true;
      } else if (!quoted(t.text()) && t.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
        continue; // decoration: emoji, markdown, an opening bracket
      } else if (!hard && SOFT_CONNECTORS.contains(word)) {
        soft = true;
      } else if (hard && GLUE.contains(word) && glue++ < 2) {
        continue;
      } else if (hard || soft || quoted(t.text())) {
        take(text, t, hard && glue == 0, soft || glue > 0, fillers, spans);
        return;
      } else if (fillers == 0 && shapes.afterBareLabel(t.text())) {
        spans.add(t.secret());
        return;
      } else if (fillers < MAX_FILLERS && wordLike(t.text())) {
        fillers++;
        if (PasswordShapes.core(t.text()).length() < t.text().length() && endsClause(t.text())) {
          return;
        }
      } else {
        return;
      }
    }
  }

  private static boolean inSpan(List<int[]> spans, int at) {
    return spans.stream().anyMatch(span -> span[0] <= at && at < span[1]);
  }

  /** The value after a label: a quoted span, or a token judged by how it was introduced. */
  private void take(
      String text, Token t, boolean hard, boolean soft, int fillers, List<int[]> spans) {
    int open = t.text().indexOf(firstOpener(t.text()));
    if (quoted(t.text())) {
      int from = t.start() + open;
      int close = closing(text, from);
      if (close > 0) {
        String content = text.substring(from + 1, close).strip();
        int contentStart = text.indexOf(content, from + 1);
        boolean oneToken = content.codePoints().noneMatch(Character::isWhitespace);
        boolean ok =
            hard
                ? shapes.plausible(content)
                    || !oneToken && content.codePoints().anyMatch(Character::isLetterOrDigit)
                : soft || fillers > 0
                    ? oneToken && shapes.strong(content)
                    : oneToken && shapes.plausible(content);
        if (ok && !content.isEmpty()) {
          spans.add(new int[] {contentStart, contentStart + content.length()});
        }
        return;
      }
    }
    if (hard ? shapes.plausible(t.text()) : shapes.strong(t.text())) {
      spans.add(t.secret());
    }
  }

  /** "X is my password", "X c'est mon mdp", "I typed X as password". */
  private void valueThenLabel(String text, List<Token> tokens, List<int[]> spans) {
    for (int i = 0; i + 2 < tokens.size(); i++) {
      Token value = tokens.get(i);
      if (!VALUE_THEN_LABEL.contains(tokens.get(i + 1).text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      int k = i + 2;
      while (k < tokens.size()
          && k < i + 5
          && BEFORE_LABEL.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))) {
        k++;
      }
      if (k == tokens.size()) {
        continue;
      }
      Matcher label = LABEL.matcher(text).region(tokens.get(k).start(), text.length());
      if (!label.lookingAt()) {
        continue;
      }
      if (quoted(value.text())) {
        take(text, value, false, false, 0, spans);
      } else if (shapes.plausible(value.text())) {
        // The user says outright that X is the password: any word that is not an ordinary one,
        // even one shaped like a username ("a-b-0c is my password").
        spans.add(value.secret());
      }
    }
  }

  /** "alain_sirois / X", "jane@example.com:X": an identifier, a separator, a password. */
  private void pairs(List<Token> tokens, List<int[]> spans) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String s = t.text();
      for (int at = 1; at < s.length() - 1; at++) {
        char c = s.charAt(at);
        if ((c == ':' || c == '/' || c == '|')
            && PasswordShapes.identifier(s.substring(0, at))
            && shapes.strong(s.substring(at + 1))) {
          spans.add(new Token(t.start() + at + 1, t.end(), t.line(), s.substring(at + 1)).secret());
          break;
        }
      }
      if (i + 2 < tokens.size()
          && PasswordShapes.identifier(s)
          && PAIR_SEPARATORS.contains(tokens.get(i + 1).text())
          && shapes.strong(tokens.get(i + 2).text())) {
        spans.add(tokens.get(i + 2).secret());
      }
    }
  }

  /** "credentials: alain_sirois X", "identifiant/mdp : alain_sirois / X". */
  private void credentials(String text, List<Token> tokens, List<int[]> spans) {
    Matcher m = CREDENTIALS.matcher(text);
    while (m.find()) {
      int j = Token.indexAt(tokens, m.end() - 1) + 1;
      while (j < tokens.size() && connectorSymbols(tokens.get(j).text())) {
        j++;
      }
      if (j < tokens.size() && PasswordShapes.identifier(tokens.get(j).text())) {
        j++;
        if (j < tokens.size() && PAIR_SEPARATORS.contains(tokens.get(j).text())) {
          j++;
        }
        if (j < tokens.size() && shapes.plausible(tokens.get(j).text())) {
          spans.add(tokens.get(j).secret());
        }
      }
    }
  }

  /** "u: alain_sirois p: X". */
  private void userThenP(String text, List<Token> tokens, List<int[]> spans) {
    Matcher m = USER_THEN_P.matcher(text);
    while (m.find()) {
      int j = Token.indexAt(tokens, m.end() - 1);
      Token host = tokens.get(j);
      if (host.end() > m.end()) {
        Token rest =
            new Token(m.end(), host.end(), host.line(), text.substring(m.end(), host.end()));
        take(text, rest, true, false, 0, spans);
      } else if (j + 1 < tokens.size()) {
        take(text, tokens.get(j + 1), true, false, 0, spans);
      }
    }
  }

  /** In a message about a password: "the old one was X and the new one is Y". */
  private void afterAnyConnector(List<Token> tokens, List<int[]> spans) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      String word = tokens.get(i).text().toLowerCase(Locale.ROOT);
      Token next = tokens.get(i + 1);
      if ((CONNECTORS.contains(word) || word.endsWith(":"))
          && next.line() == tokens.get(i).line()
          && shapes.strong(next.text())
          && !PasswordShapes.identifier(next.text())) {
        spans.add(next.secret());
      }
    }
  }

  /** The label is alone on its line (a form field's caption), apart from a few words before it. */
  private static boolean labelOnlyLine(List<Token> tokens, int host) {
    int line = tokens.get(host).line();
    int before = 0;
    for (int i = host - 1; i >= 0 && tokens.get(i).line() == line; i--) {
      before++;
    }
    for (int i = host + 1; i < tokens.size() && tokens.get(i).line() == line; i++) {
      if (!connectorSymbols(tokens.get(i).text())) {
        return false;
      }
    }
    return before <= 3;
  }

  private static boolean connectorSymbols(String token) {
    return token.codePoints().noneMatch(Character::isLetterOrDigit)
        && (token.contains(":")
            || token.contains("=")
            || token.contains("→")
            || token.contains("->")
            || token.contains("|")
            || token.equals("-")
            || token.equals("–")
            || token.equals("—")
            || token.matches("[.…·_]{2,}"));
  }

  private static boolean wordLike(String token) {
    String core = PasswordShapes.core(token);
    return !core.isEmpty()
        && core.codePoints()
            .allMatch(c -> Character.isLetter(c) || c == '\'' || c == '’' || c == '-');
  }

  private static boolean endsClause(String token) {
    char last = token.charAt(token.length() - 1);
    return last == ',' || last == '.' || last == ';' || last == '!' || last == '?';
  }

  private static boolean quoted(String token) {
    return firstOpener(token) != 0;
  }

  /** The opening quote a token starts with, after brackets and markdown; 0 if none. */
  private static char firstOpener(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (OPENERS.indexOf(c) >= 0) {
        return c;
      }
      if ("([*_~".indexOf(c) < 0) {
        return 0;
      }
    }
    return 0;
  }

  /**
   * Where the quote opened at {@code from} closes on the same line, within 80 characters; -1 if
   * not.
   */
  private static int closing(String text, int from) {
    char open = text.charAt(from);
    for (int i = from + 1; i < text.length() && i <= from + 80; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return -1;
      }
      boolean closes =
          c == CLOSERS.charAt(OPENERS.indexOf(open))
              || (open == '\'' && c == '’')
              || (open == '“' && c == '"')
              || (open == '‘' && c == '\'');
      if (closes) {
        return i;
      }
    }
    return -1;
  }
}
