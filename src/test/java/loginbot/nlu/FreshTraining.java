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
  private static long millis;

  private FreshTraining() {}

  static synchronized TrainingData data() {
    if (data == null) {
      data = TrainingData.load(Optional.empty());
    }
    return data;
  }

  static synchronized IntentClassifier classifier() {
    if (classifier == null) {
      TrainingData examples = data();
      long start = System.nanoTime();
      classifier = IntentClassifier.train(examples.examples(), ClassifierConfig.DEFAULT);
      millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
    }
    return classifier;
  }

  /**
   * How long that one training took: what {@code eval} reports, timed once per test JVM rather than
   * for each report a test asks for.
   */
  static synchronized long millis() {
    classifier();
    return millis;
  }
}
