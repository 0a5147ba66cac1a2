package loginbot.nlu;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Scores of a set of (expected, predicted) intents: accuracy, per-label precision/recall/F1,
 * macro-F1 over every label that was expected or predicted (a label predicted but never expected
 * scores F1 0, as in scikit-learn), the confusion matrix, and the out-of-scope figures the bot
 * cares about.
 */
public final class EvaluationReport {
  private final int[][] confusion;
  private final int total;

  private EvaluationReport(int[][] confusion, int total) {
    this.confusion = confusion;
    this.total = total;
  }

  /** Precision, recall and F1 of one label; {@code support} is how many lines expected it. */
  public record LabelScores(double precision, double recall, double f1, int support) {}

  public static EvaluationReport of(List<Intent> expected, List<Intent> predicted) {
    if (expected.size() != predicted.size()) {
      throw new IllegalArgumentException("expected and predicted differ in size");
    }
    int n = Intent.values().length;
    int[][] confusion = new int[n][n];
    for (int i = 0; i < expected.size(); i++) {
      confusion[expected.get(i).ordinal()][predicted.get(i).ordinal()]++;
    }
    return new EvaluationReport(confusion, expected.size());
  }

  public int total() {
    return total;
  }

  /** How many lines expected {@code expected} and got {@code predicted}. */
  public int count(Intent expected, Intent predicted) {
    return confusion[expected.ordinal()][predicted.ordinal()];
  }

  /** Labels that occur as expected or predicted, in the enum's order. */
  public List<Intent> labels() {
    List<Intent> labels = new ArrayList<>();
    for (Intent intent : Intent.values()) {
      if (support(intent) > 0 || predictedCount(intent) > 0) {
        labels.add(intent);
      }
    }
    return labels;
  }

  public Map<Intent, LabelScores> perLabel() {
    Map<Intent, LabelScores> scores = new EnumMap<>(Intent.class);
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
    for (Intent intent : Intent.values()) {
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
    for (Intent intent : Intent.values()) {
      if (intent != Intent.OUT_OF_SCOPE) {
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
    int sum = 0;
    for (int p = 0; p < confusion.length; p++) {
      sum += confusion[intent.ordinal()][p];
    }
    return sum;
  }

  public int predictedCount(Intent intent) {
    int sum = 0;
    for (int[] row : confusion) {
      sum += row[intent.ordinal()];
    }
    return sum;
  }

  private static OptionalDouble ratio(int numerator, int denominator) {
    return denominator == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) numerator / denominator);
  }
}
