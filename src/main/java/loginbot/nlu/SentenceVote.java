package loginbot.nlu;

import java.util.List;
import java.util.Set;

/**
 * Reads a message of several sentences clause by clause, so that a greeting, a thank-you or a
 * polite question ("What should I do?", « Que dois-je faire ? ») does not drown the problem: when
 * the whole message reads as one of those framing intents (or is not understood), the most
 * confident sentence that states a problem wins, provided its own confidence reaches {@code
 * minimum}.
 *
 * @param minimum the confidence a single sentence needs to speak for the whole message
 */
record SentenceVote(double minimum) {
  /** Measured on the blind dev set (src/test/resources/eval): see MODEL-SELECTION.md. */
  static final SentenceVote DEFAULT = new SentenceVote(0.3);

  /** Intents that frame a message rather than state what it is about. */
  private static final Set<Intent> FRAMING =
      Set.of(Intent.GREETING, Intent.GOODBYE, Intent.AFFIRM, Intent.DENY, Intent.OUT_OF_SCOPE);

  /**
   * The prediction the bot acts on, from the whole message's and each sentence's (in order).
   *
   * @param accepted whether the decision rule accepts the whole message's prediction
   */
  Prediction combine(Prediction whole, boolean accepted, List<Prediction> sentences) {
    if (sentences.size() < 2 || (accepted && !FRAMING.contains(whole.intent()))) {
      return whole;
    }
    Prediction best = null;
    for (Prediction p : sentences) {
      if (!FRAMING.contains(p.intent())
          && p.confidence() >= minimum
          && (best == null || p.confidence() > best.confidence())) {
        best = p;
      }
    }
    return best == null ? whole : best;
  }
}
