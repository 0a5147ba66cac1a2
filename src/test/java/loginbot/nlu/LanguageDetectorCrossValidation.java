package loginbot.nlu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints how often the language detector is right, wrong or unsure on examples it was not trained
 * on (5-fold cross-validation over intents/). Not a test: a measurement for MODEL-SELECTION.md.
 */
public final class LanguageDetectorCrossValidation {
  public static void main(String[] args) {
    TrainingData data = TrainingData.load(Optional.of(Path.of("intents")));
    List<List<TrainingExample>> folds = CrossValidation.folds(data.examples(), 5, 42);
    int right = 0;
    int wrong = 0;
    int unsure = 0;
    for (int k = 0; k < folds.size(); k++) {
      List<TrainingExample> train = new ArrayList<>();
      for (int j = 0; j < folds.size(); j++) {
        if (j != k) {
          train.addAll(folds.get(j));
        }
      }
      LanguageDetector detector =
          LanguageDetector.train(
              new TrainingData(train, "fold"), new TextNormalizer(), Language.EN);
      for (TrainingExample e : folds.get(k)) {
        Optional<Language> guess = detector.guess(e.text());
        if (guess.isEmpty()) {
          unsure++;
        } else if (guess.get().equals(e.language())) {
          right++;
        } else {
          wrong++;
          System.out.println("wrong: " + e.language().code() + " " + e.text());
        }
      }
    }
    System.out.printf(
        "right %d, wrong %d, unsure (fallback language) %d, of %d%n",
        right, wrong, unsure, data.examples().size());
  }
}
