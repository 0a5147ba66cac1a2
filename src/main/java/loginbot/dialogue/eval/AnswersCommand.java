package loginbot.dialogue.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.Responder;
import loginbot.dialogue.eval.ReplyProbe.Move;
import loginbot.nlu.Language;

/**
 * {@code loginbot answers FILE...}: puts every reply of each file (yes/no/unclear, see {@link
 * ReplySet}) to the real bot right after "Did that work?" and prints what it did, per category. The
 * file's language is taken from its name ({@code -en}, {@code -fr}), else English.
 */
public final class AnswersCommand {
  static final String USAGE =
      "usage: loginbot answers [--misses] FILE...  (answer<TAB>category<TAB>text)";

  private AnswersCommand() {}

  /** Returns the exit code: 0, or 2 for a missing or malformed file. */
  public static int run(List<String> args, Responder bot, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.contains("--help")) {
      (args.isEmpty() ? err : out).println(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    boolean misses = args.contains("--misses");
    List<AnswerReport> reports = new ArrayList<>();
    for (String file : args.stream().filter(a -> !a.equals("--misses")).toList()) {
      ReplySet set;
      try {
        set = ReplySet.parse(file, Files.readString(Path.of(file), StandardCharsets.UTF_8));
      } catch (IOException | IllegalArgumentException e) {
        err.println("answers: " + e.getMessage());
        return 2;
      }
      reports.add(evaluate(set, languageOf(file), bot));
    }
    reports.forEach(r -> print(r, misses, out));
    return 0;
  }

  /** Every line of {@code set} through a fresh conversation of {@code bot}. */
  public static AnswerReport evaluate(ReplySet set, Language language, Responder bot) {
    ReplyProbe probe = new ReplyProbe(bot);
    return new AnswerReport(
        set.name(),
        set.lines().stream()
            .map(l -> new AnswerReport.Result(l, probe.probe(language, l.text())))
            .toList());
  }

  static Language languageOf(String file) {
    String name = Path.of(file).getFileName().toString().toLowerCase(Locale.ROOT);
    Optional<Language> tagged =
        // The yes/no dev sets exist in the two shipped languages only.
        List.of(Language.EN, Language.FR).stream()
            .filter(l -> name.contains("-" + l.code() + ".") || name.contains("-" + l.code() + "-"))
            .findFirst();
    return tagged.orElse(Language.EN);
  }

  private static void print(AnswerReport r, boolean misses, PrintStream out) {
    out.println("== " + r.name() + " (" + r.results().size() + " replies)");
    out.printf(
        Locale.ROOT,
        "resolved on no: %d   resolved on unclear: %d   yes accepted: %.3f   no recognised: %.3f"
            + "   off-topic taken as yes/no: %d of %d%n",
        r.resolvedOnNo().size(),
        r.resolvedOnUnclear().size(),
        r.yesAccepted(),
        r.noRecognised(),
        r.offTopicTakenAsYesNo().size(),
        r.offTopicLines());
    out.printf(Locale.ROOT, "%-24s %5s", "answer/category", "lines");
    for (Move m : Move.values()) {
      out.printf(Locale.ROOT, " %12s", m.name().toLowerCase(Locale.ROOT));
    }
    out.println();
    for (Map.Entry<String, Map<Move, Integer>> row : r.byCategory().entrySet()) {
      int lines = row.getValue().values().stream().mapToInt(Integer::intValue).sum();
      out.printf(Locale.ROOT, "%-24s %5d", row.getKey(), lines);
      for (Move m : Move.values()) {
        out.printf(Locale.ROOT, " %12d", row.getValue().getOrDefault(m, 0));
      }
      out.println();
    }
    List<AnswerReport.Result> wrong = new ArrayList<>(r.resolvedOnNo());
    wrong.addAll(r.resolvedOnUnclear());
    wrong.addAll(r.offTopicTakenAsYesNo());
    for (AnswerReport.Result w : wrong) {
      out.println(
          "  WRONG "
              + w.line().expected().name().toLowerCase(Locale.ROOT)
              + " -> "
              + w.move().name().toLowerCase(Locale.ROOT)
              + ": "
              + w.line().text());
    }
    if (misses) {
      for (AnswerReport.Result m : r.results()) {
        boolean missed =
            switch (m.line().expected()) {
              case YES -> m.move() != Move.RESOLVED;
              case NO -> m.move() != Move.TOOK_AS_NO;
              case UNCLEAR -> m.move() == Move.TOOK_AS_NO;
            };
        if (missed) {
          out.println(
              "  missed "
                  + m.line().expected().name().toLowerCase(Locale.ROOT)
                  + " -> "
                  + m.move().name().toLowerCase(Locale.ROOT)
                  + ": "
                  + m.line().text());
        }
      }
    }
    out.println();
  }
}
