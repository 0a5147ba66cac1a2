package loginbot.nlu;

import java.util.Optional;

/**
 * What the NLU made of one message: the accepted intent (empty when the decision rule says "not
 * understood"), the raw prediction behind it, and the message's {@link Reading} (its words,
 * sentences and language), which the dialogue reads its cues from.
 */
public record Understanding(Optional<Intent> intent, Prediction prediction, Reading reading) {

  public boolean understood() {
    return intent.isPresent();
  }

  public Language language() {
    return reading.language();
  }

  /** The intent as the evaluation counts it: not understood is {@code out_of_scope}. */
  public Intent effectiveIntent() {
    return intent.orElse(Intent.OUT_OF_SCOPE);
  }
}
