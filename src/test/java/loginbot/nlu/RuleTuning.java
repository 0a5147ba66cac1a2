package loginbot.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores decision rules on out-of-fold predictions; used by {@link ModelSelection} to tune them.
 */
final class RuleTuning {
  private RuleTuning() {}

  static EvaluationReport score(List<CrossValidation.Scored> scored, DecisionRule rule) {
    List<Intent> expected = new ArrayList<>();
    List<Intent> predicted = new ArrayList<>();
    for (CrossValidation.Scored s : scored) {
      expected.add(s.example().intent());
      predicted.add(rule.accepts(s.prediction()) ? s.prediction().intent() : Intent.OUT_OF_SCOPE);
    }
    return EvaluationReport.of(expected, predicted);
  }

  /**
   * Among rules on a grid whose macro-F1 is within {@code tolerance} of the best, the one that acts
   * least often on an intent the user did not mean: a wrong answer costs a user more than a "sorry,
   * I did not get that", which leads to a rephrasing or a human.
   */
  static DecisionRule best(List<CrossValidation.Scored> scored, double tolerance) {
    List<DecisionRule> grid = new ArrayList<>();
    for (int t = 0; t <= 60; t += 5) {
      for (int m = 0; m <= 30; m += 5) {
        grid.add(new DecisionRule(t / 100.0, m / 100.0));
      }
    }
    double bestF1 = grid.stream().mapToDouble(r -> score(scored, r).macroF1()).max().orElseThrow();
    return grid.stream()
        .filter(r -> score(scored, r).macroF1() >= bestF1 - tolerance)
        .min(
            java.util.Comparator.comparingDouble((DecisionRule r) -> wrongAction(scored, r))
                .thenComparing(r -> -score(scored, r).macroF1())
                // equal scores: the higher threshold, which also turns away text unlike any
                // training line
                .thenComparing(r -> -r.threshold()))
        .orElseThrow();
  }

  /** Share of messages on which the bot would act on an intent the user did not mean. */
  static double wrongAction(List<CrossValidation.Scored> scored, DecisionRule rule) {
    long wrong =
        scored.stream()
            .filter(
                s ->
                    rule.accepts(s.prediction())
                        && !s.prediction().intent().equals(Intent.OUT_OF_SCOPE)
                        && !s.prediction().intent().equals(s.example().intent()))
            .count();
    return (double) wrong / scored.size();
  }
}
