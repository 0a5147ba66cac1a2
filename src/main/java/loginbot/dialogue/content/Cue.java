package loginbot.dialogue.content;

import java.util.Locale;

/**
 * The kinds of words in {@code lang/<code>/words.yaml}; each list must be present and non-empty.
 */
public enum Cue {
  YES("yes"),
  WORKED("worked"),
  PRAISE("praise"),
  NO("no"),
  FAILED("failed"),
  NEGATION("negations"),
  HEDGE("hedges"),
  ACKNOWLEDGEMENT("acknowledgements"),
  CONTRAST("contrasts"),
  QUESTION("questions"),
  GREETING("greetings"),
  THANKS("thanks"),
  CUSTOMER("roles.customer"),
  PROFESSIONAL("roles.professional"),
  SOMEONE_ELSE("roles.someone_else"),
  CUSTOMER_ANSWER("roles.customer_answer"),
  PROFESSIONAL_ANSWER("roles.professional_answer");

  private final String key;

  Cue(String key) {
    this.key = key;
  }

  /** Where the list sits in the file, e.g. {@code roles.customer}. */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
