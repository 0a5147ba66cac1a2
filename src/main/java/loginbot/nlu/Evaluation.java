package loginbot.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluation lines run through an NLU as the server runs them (not understood counts as {@code
 * out_of_scope}), with the scores over all lines, per category and per source file, and the time
 * one classification took.
 */
record Evaluation(
    List<LabeledFile.Line> lines, List<Understanding> results, double microsPerMessage) {
  static final int TIMED_PASSES = 5;

  /**
   * Classifies every line, then times {@value #TIMED_PASSES} more passes and keeps the fastest: the
   * first passes pay for the JIT and a busy machine only ever adds time.
   */
  static Evaluation of(Nlu nlu, List<LabeledFile.Line> lines) {
    List<Understanding> results = new ArrayList<>(lines.size());
    for (LabeledFile.Line line : lines) {
      results.add(nlu.understand(line.text()));
    }
    long fastest = Long.MAX_VALUE;
    for (int pass = 0; pass < TIMED_PASSES; pass++) {
      long start = System.nanoTime();
      for (LabeledFile.Line line : lines) {
        nlu.understand(line.text());
      }
      fastest = Math.min(fastest, System.nanoTime() - start);
    }
    double micros = fastest / 1000.0 / lines.size();
    return new Evaluation(List.copyOf(lines), List.copyOf(results), micros);
  }

  Intent predicted(int i) {
    return results.get(i).effectiveIntent();
  }

  EvaluationReport report() {
    return reportOf(i -> true);
  }

  /** Scores per category, in order of first appearance; lines without one are left out. */
  Map<String, EvaluationReport> perCategory() {
    return grouped(LabeledFile.Line::category);
  }

  /** Scores per source file, in the order given. */
  Map<String, EvaluationReport> perSource() {
    return grouped(LabeledFile.Line::source);
  }

  private Map<String, EvaluationReport> grouped(Function<LabeledFile.Line, String> key) {
    Map<String, EvaluationReport> groups = new LinkedHashMap<>();
    for (LabeledFile.Line line : lines) {
      String group = key.apply(line);
      if (!group.isEmpty() && !groups.containsKey(group)) {
        groups.put(group, reportOf(i -> key.apply(lines.get(i)).equals(group)));
      }
    }
    return groups;
  }

  private EvaluationReport reportOf(java.util.function.IntPredicate included) {
    List<Intent> expected = new ArrayList<>();
    List<Intent> predicted = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (included.test(i)) {
        expected.add(lines.get(i).label());
        predicted.add(predicted(i));
      }
    }
    return EvaluationReport.of(expected, predicted);
  }
}
