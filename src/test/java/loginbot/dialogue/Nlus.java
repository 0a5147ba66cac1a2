package loginbot.dialogue;

import loginbot.nlu.Nlu;

/** The NLU the transcript tests use. */
final class Nlus {
  private static Nlu shared;

  private Nlus() {}

  /** Trained once per test JVM: the classifier is immutable and thread-safe. */
  static synchronized Nlu forTranscripts() {
    if (shared == null) {
      shared = new KeywordNlu();
    }
    return shared;
  }
}
