package loginbot.dialogue;

import java.util.Optional;
import loginbot.nlu.DecisionRule;
import loginbot.nlu.Nlu;
import loginbot.nlu.TrainedNlu;
import loginbot.nlu.TrainingData;

/**
 * The NLU the transcript tests use: the real classifier, trained from {@code intents/} as the
 * server does.
 */
final class Nlus {
  private static Nlu trained;

  private Nlus() {}

  /** Trained once per test JVM: the classifier is immutable and thread-safe. */
  static synchronized Nlu forTranscripts() {
    if (trained == null) {
      trained = TrainedNlu.train(TrainingData.load(Optional.empty()), DecisionRule.DEFAULT);
    }
    return trained;
  }
}
