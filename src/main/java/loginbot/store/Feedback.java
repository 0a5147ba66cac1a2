package loginbot.store;

import java.util.Locale;
import loginbot.dialogue.ConversationState;

/**
 * The user's feedback as the conversations table keeps it, read from the state's facts
 * {@code helpful} (yes/no) and {@code rating} (1 to 5); anything else counts as not given.
 */
record Feedback(Boolean helpful, Integer rating) {
  static final String HELPFUL_FACT = "helpful";
  static final String RATING_FACT = "rating";

  static Feedback of(ConversationState state) {
    return new Feedback(helpful(state.facts().get(HELPFUL_FACT)), rating(state.facts().get(RATING_FACT)));
  }

  private static Boolean helpful(String fact) {
    if (fact == null) {
      return null;
    }
    return switch (fact.trim().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "oui" -> Boolean.TRUE;
      case "no", "false", "non" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static Integer rating(String fact) {
    if (fact == null || !fact.trim().matches("[1-5]")) {
      return null;
    }
    return Integer.valueOf(fact.trim());
  }
}
