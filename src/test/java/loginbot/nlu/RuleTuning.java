package loginbot.nlu;

import java.util.ArrayList;
import java.util.List;

/** Scores decision rules on out-of-fold predictions; used by {@link ModelSelection} to tune them. */
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

  /** The rule with the best macro-F1 over a grid (ties: the lower threshold, then the lower margin). */
  static DecisionRule best(List<CrossValidation.Scored> scored) {
    DecisionRule best = new DecisionRule(0, 0);
    double bestF1 = -1;
    for (int t = 0; t <= 95; t += 5) {
      for (int m = 0; m <= 50; m += 5) {
        DecisionRule rule = new DecisionRule(t / 100.0, m / 100.0);
        double f1 = score(scored, rule).macroF1();
        if (f1 > bestF1 + 1e-9) {
          bestF1 = f1;
          best = rule;
        }
      }
    }
    return best;
  }
}
