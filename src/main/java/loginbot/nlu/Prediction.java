package loginbot.nlu;

/** The classifier's two best labels for one message, with their probabilities. */
public record Prediction(
    Intent intent, double confidence, Intent runnerUp, double runnerUpConfidence) {

  public double margin() {
    return confidence - runnerUpConfidence;
  }
}
