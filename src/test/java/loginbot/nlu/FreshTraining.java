package loginbot.nlu;

import java.util.Optional;

/**
 * The intent classifier trained in this JVM from the shipped intents, with the default
 * configuration: trained once and shared by the tests that need a fresh training (it is immutable
 * and thread-safe), rather than once per test.
 */
final class FreshTraining {
  private static TrainingData data;
  private static IntentClassifier classifier;

  private FreshTraining() {}

  static synchronized TrainingData data() {
    if (data == null) {
      data = TrainingData.load(Optional.empty());
    }
    return data;
  }

  static synchronized IntentClassifier classifier() {
    if (classifier == null) {
      classifier = IntentClassifier.train(data().examples(), ClassifierConfig.DEFAULT);
    }
    return classifier;
  }
}
