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

  /** Classifies every line; a second, timed pass gives the warm cost per message. */
  static Evaluation of(Nlu nlu, List<LabeledFile.Line> lines) {
    List<Understanding> results = new ArrayList<>(lines.size());
    for (LabeledFile.Line line : lines) {
      results.add(nlu.understand(line.text()));
    }
    long start = System.nanoTime();
    for (LabeledFile.Line line : lines) {
      nlu.understand(line.text());
    }
    double micros = (System.nanoTime() - start) / 1000.0 / lines.size();
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
