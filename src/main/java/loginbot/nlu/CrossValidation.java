package loginbot.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Stratified k-fold cross-validation over training examples: every example is classified by a model
 * that never saw it. Strata are (intent, language), shuffled with a fixed seed, so runs repeat.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /** One training example and what a model trained without it predicted. */
  public record Scored(TrainingExample example, Prediction prediction) {}

  public static List<Scored> run(
      List<TrainingExample> examples, int folds, long seed, ClassifierConfig config) {
    List<List<TrainingExample>> split = folds(examples, folds, seed);
    List<Scored> scored = new ArrayList<>(examples.size());
    for (int k = 0; k < folds; k++) {
      List<TrainingExample> train = new ArrayList<>();
      for (int j = 0; j < folds; j++) {
        if (j != k) {
          train.addAll(split.get(j));
        }
      }
      IntentClassifier classifier = IntentClassifier.train(train, config);
      for (TrainingExample example : split.get(k)) {
        scored.add(new Scored(example, classifier.classify(example.text())));
      }
    }
    return scored;
  }

  /** Splits into {@code folds} parts with each (intent, language) spread evenly across them. */
  public static List<List<TrainingExample>> folds(
      List<TrainingExample> examples, int folds, long seed) {
    if (folds < 2 || folds > examples.size()) {
      throw new IllegalArgumentException(
          "folds must be between 2 and " + examples.size() + ", got " + folds);
    }
    Map<String, List<TrainingExample>> strata = new LinkedHashMap<>();
    for (TrainingExample e : examples) {
      strata.computeIfAbsent(e.intent() + "/" + e.language(), s -> new ArrayList<>()).add(e);
    }
    Random random = new Random(seed);
    List<List<TrainingExample>> split = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      split.add(new ArrayList<>());
    }
    int next = 0;
    for (List<TrainingExample> stratum : strata.values()) {
      List<TrainingExample> shuffled = new ArrayList<>(stratum);
      Collections.shuffle(shuffled, random);
      // Continue the round-robin across strata so small strata do not all start in fold 0.
      for (TrainingExample e : shuffled) {
        split.get(next++ % folds).add(e);
      }
    }
    return split;
  }
}
