package loginbot.nlu;

/**
 * When the bot acts on a prediction: its confidence must reach {@code threshold} and lead the
 * runner-up by at least {@code margin}; otherwise the message is "not understood". Off-topic text
 * still gets some intent from the classifier, so this rule is what keeps it out.
 */
public record DecisionRule(double threshold, double margin) {

  /**
   * Tuned on out-of-fold predictions over intents/ (5-fold cross-validation, 3 seeds) and checked
   * on a separate dev split: the fewest wrong actions within 0.005 of the best macro-F1. See
   * src/test/resources/nlu/MODEL-SELECTION.md.
   */
  public static final DecisionRule DEFAULT = new DecisionRule(0.15, 0.0);

  public DecisionRule {
    if (!(threshold >= 0 && threshold <= 1) || !(margin >= 0 && margin <= 1)) {
      throw new IllegalArgumentException(
          "threshold and margin must be between 0 and 1, got " + threshold + " and " + margin);
    }
  }

  public boolean accepts(Prediction prediction) {
    return prediction.confidence() >= threshold && prediction.margin() >= margin;
  }
}
