package loginbot.dialogue.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replies to "Did that work?", one per line: {@code answer<TAB>category<TAB>text}, where answer is
 * {@code yes}, {@code no} or {@code unclear}; blank lines and {@code #} comments are skipped.
 */
public record ReplySet(String name, List<Line> lines) {

  /** One reply and what its writer meant. */
  public record Line(Expected expected, String category, String text) {}

  /** What the writer of a reply meant by it. */
  public enum Expected {
    YES,
    NO,
    UNCLEAR
  }

  public ReplySet {
    lines = List.copyOf(lines);
  }

  /** Parses the file's text; a malformed line throws, naming the file and line. */
  public static ReplySet parse(String name, String text) {
    List<Line> lines = new ArrayList<>();
    String[] rows = text.split("\r?\n");
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i];
      if (row.isBlank() || row.startsWith("#")) {
        continue;
      }
      String[] cells = row.split("\t", 3);
      if (cells.length != 3 || cells[2].isBlank()) {
        throw new IllegalArgumentException(
            name + ":" + (i + 1) + ": expected answer<TAB>category<TAB>text");
      }
      Expected expected;
      try {
        expected = Expected.valueOf(cells[0].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            name + ":" + (i + 1) + ": answer must be yes, no or unclear, not '" + cells[0] + "'",
            e);
      }
      lines.add(new Line(expected, cells[1].trim(), cells[2].strip()));
    }
    return new ReplySet(name, lines);
  }
}
