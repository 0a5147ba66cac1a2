package loginbot.nlu;

import java.util.Optional;

/**
 * What the NLU made of one message: the accepted intent (empty when the decision rule says "not
 * understood"), the raw prediction behind it, and the detected language.
 */
public record Understanding(Optional<Intent> intent, Prediction prediction, Language language) {

  public boolean understood() {
    return intent.isPresent();
  }

  /** The intent as the evaluation counts it: not understood is {@code out_of_scope}. */
  public Intent effectiveIntent() {
    return intent.orElse(Intent.OUT_OF_SCOPE);
  }
}
