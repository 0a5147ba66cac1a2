package loginbot.nlu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints how the decision rule's threshold and margin trade in-scope accuracy for out-of-scope
 * recall, on out-of-fold predictions (5-fold cross-validation repeated with 3 seeds) and on a
 * separate 80/20 dev split of intents/. Not a test: a measurement behind {@link
 * DecisionRule#DEFAULT}.
 */
public final class DecisionRuleCurve {
  public static void main(String[] args) {
    TrainingData data = TrainingData.load(Optional.of(Path.of("intents")));
    ClassifierConfig config = ClassifierConfig.DEFAULT;
    List<CrossValidation.Scored> pooled = new ArrayList<>();
    for (long seed : new long[] {1, 2, 3}) {
      pooled.addAll(CrossValidation.run(data.examples(), 5, seed, config));
    }
    List<List<TrainingExample>> split = CrossValidation.folds(data.examples(), 5, 99);
    List<TrainingExample> train = new ArrayList<>();
    for (int k = 1; k < 5; k++) {
      train.addAll(split.get(k));
    }
    IntentClassifier devModel = IntentClassifier.train(train, config);
    List<CrossValidation.Scored> dev =
        split.get(0).stream()
            .map(e -> new CrossValidation.Scored(e, devModel.classify(e.text())))
            .toList();

    System.out.printf(
        "config %s; pooled CV predictions: %d; dev split: %d%n",
        config.name(), pooled.size(), dev.size());
    System.out.printf(
        "best macro-F1 on CV: %s; on dev: %s%n",
        RuleTuning.best(pooled, 0), RuleTuning.best(dev, 0));
    System.out.printf(
        "fewest wrong actions within 0.005 of the best macro-F1, on CV: %s; on dev: %s%n%n",
        RuleTuning.best(pooled, 0.005), RuleTuning.best(dev, 0.005));
    System.out.println(
        "| threshold | margin | CV acc | CV macro-F1 | CV in-scope acc | CV OOS recall"
            + " | CV wrong action | dev macro-F1 | dev in-scope acc | dev OOS recall |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    double[][] grid = {
      {0, 0},
      {0.1, 0},
      {0.15, 0},
      {0.2, 0},
      {0.3, 0},
      {0.4, 0},
      {0.5, 0},
      {0.6, 0},
      {0.7, 0},
      {0, 0.05},
      {0.1, 0.05},
      {0.15, 0.05},
      {0.2, 0.05},
      {0.1, 0.1},
      {0.2, 0.1},
      {0.3, 0.1},
      {0.5, 0.1}
    };
    for (double[] g : grid) {
      DecisionRule rule = new DecisionRule(g[0], g[1]);
      EvaluationReport cv = RuleTuning.score(pooled, rule);
      EvaluationReport d = RuleTuning.score(dev, rule);
      System.out.printf(
          "| %.2f | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
          g[0],
          g[1],
          cv.accuracy(),
          cv.macroF1(),
          cv.inScopeAccuracy().orElse(0),
          cv.oosRecall().orElse(0),
          RuleTuning.wrongAction(pooled, rule),
          d.macroF1(),
          d.inScopeAccuracy().orElse(0),
          d.oosRecall().orElse(0));
    }
  }
}
