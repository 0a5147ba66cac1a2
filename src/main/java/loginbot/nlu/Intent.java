package loginbot.nlu;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed set of intent labels: training files, evaluation files and tests all use these names.
 */
public enum Intent {
  GREETING,
  GOODBYE,
  AFFIRM,
  DENY,
  HUMAN_AGENT,
  CANNOT_LOGIN,
  INVALID_CREDENTIALS,
  FORGOT_PASSWORD,
  RESET_EMAIL_MISSING,
  USERNAME_OR_EMAIL,
  TEMPORARY_PASSWORD,
  ACCOUNT_DISABLED,
  APP_UPDATE,
  OUT_OF_SCOPE;

  /** The label as written in files and on the wire, e.g. {@code forgot_password}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Intent> fromLabel(String label) {
    return Arrays.stream(values()).filter(i -> i.label().equals(label)).findFirst();
  }
}
