package loginbot.dialogue;

import java.util.Optional;
import loginbot.nlu.DecisionRule;
import loginbot.nlu.Nlu;
import loginbot.nlu.ShippedModel;
import loginbot.nlu.TrainingData;

/**
 * The NLU the transcript tests use: the real classifier, as the server gets it (the model trained
 * at build time from {@code intents/}).
 */
public final class Nlus {
  private static Nlu trained;

  private Nlus() {}

  /** Loaded once per test JVM: the classifier is immutable and thread-safe. */
  public static synchronized Nlu forTranscripts() {
    if (trained == null) {
      trained = ShippedModel.nlu(TrainingData.load(Optional.empty()), DecisionRule.DEFAULT);
    }
    return trained;
  }
}
