package loginbot.nlu;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Scores of a set of (expected, predicted) intents: accuracy, per-label precision/recall/F1,
 * macro-F1 over every label that was expected or predicted (a label predicted but never expected
 * scores F1 0, as in scikit-learn), the confusion matrix, and the out-of-scope figures the bot
 * cares about.
 */
public final class EvaluationReport {
  private final Map<Intent, Map<Intent, Integer>> confusion;
  private final List<Intent> labels;
  private final int total;

  private EvaluationReport(Map<Intent, Map<Intent, Integer>> confusion, int total) {
    this.confusion = confusion;
    this.total = total;
    SortedSet<Intent> seen = new TreeSet<>(confusion.keySet());
    confusion.values().forEach(row -> seen.addAll(row.keySet()));
    this.labels = List.copyOf(seen);
  }

  /** Precision, recall and F1 of one label; {@code support} is how many lines expected it. */
  public record LabelScores(double precision, double recall, double f1, int support) {}

  public static EvaluationReport of(List<Intent> expected, List<Intent> predicted) {
    if (expected.size() != predicted.size()) {
      throw new IllegalArgumentException("expected and predicted differ in size");
    }
    Map<Intent, Map<Intent, Integer>> confusion = new HashMap<>();
    for (int i = 0; i < expected.size(); i++) {
      confusion
          .computeIfAbsent(expected.get(i), e -> new HashMap<>())
          .merge(predicted.get(i), 1, Integer::sum);
    }
    return new EvaluationReport(confusion, expected.size());
  }

  public int total() {
    return total;
  }

  /** How many lines expected {@code expected} and got {@code predicted}. */
  public int count(Intent expected, Intent predicted) {
    return confusion.getOrDefault(expected, Map.of()).getOrDefault(predicted, 0);
  }

  /** Labels that occur as expected or predicted, in alphabetical order. */
  public List<Intent> labels() {
    return labels;
  }

  public Map<Intent, LabelScores> perLabel() {
    Map<Intent, LabelScores> scores = new LinkedHashMap<>();
    for (Intent intent : labels()) {
      int correct = count(intent, intent);
      double precision = ratio(correct, predictedCount(intent)).orElse(0);
      double recall = ratio(correct, support(intent)).orElse(0);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      scores.put(intent, new LabelScores(precision, recall, f1, support(intent)));
    }
    return scores;
  }

  /** Lines whose predicted intent is the expected one. */
  public int correct() {
    int correct = 0;
    for (Intent intent : labels) {
      correct += count(intent, intent);
    }
    return correct;
  }

  public double accuracy() {
    return ratio(correct(), total).orElse(0);
  }

  public double macroF1() {
    return perLabel().values().stream().mapToDouble(LabelScores::f1).average().orElse(0);
  }

  /** Share of in-scope lines given exactly their label; empty when there are none. */
  public OptionalDouble inScopeAccuracy() {
    int correct = 0;
    int lines = 0;
    for (Intent intent : labels) {
      if (!intent.equals(Intent.OUT_OF_SCOPE)) {
        correct += count(intent, intent);
        lines += support(intent);
      }
    }
    return ratio(correct, lines);
  }

  /** Share of out-of-scope lines the bot would not act on; empty when there are none. */
  public OptionalDouble oosRecall() {
    return ratio(count(Intent.OUT_OF_SCOPE, Intent.OUT_OF_SCOPE), support(Intent.OUT_OF_SCOPE));
  }

  /** Share of "out of scope / not understood" answers that were really out of scope. */
  public OptionalDouble oosPrecision() {
    return ratio(
        count(Intent.OUT_OF_SCOPE, Intent.OUT_OF_SCOPE), predictedCount(Intent.OUT_OF_SCOPE));
  }

  public int support(Intent intent) {
    return confusion.getOrDefault(intent, Map.of()).values().stream()
        .mapToInt(Integer::intValue)
        .sum();
  }

  public int predictedCount(Intent intent) {
    return confusion.values().stream().mapToInt(row -> row.getOrDefault(intent, 0)).sum();
  }

  private static OptionalDouble ratio(int numerator, int denominator) {
    return denominator == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) numerator / denominator);
  }
}
