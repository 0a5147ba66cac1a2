package loginbot.nlu;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An intent label, as written in training files ({@code intents/<lang>/<label>.txt}), evaluation
 * files and on the wire. The set of intents is data: whatever files {@code intents/} holds. The
 * constants are DESIGN.md's contract labels, which the dialogue reacts to by name; a case of the
 * content names the other labels that start it.
 */
public record Intent(String label) implements Comparable<Intent> {
  private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*");

  public static final Intent GREETING = new Intent("greeting");
  public static final Intent GOODBYE = new Intent("goodbye");
  public static final Intent AFFIRM = new Intent("affirm");
  public static final Intent DENY = new Intent("deny");
  public static final Intent HUMAN_AGENT = new Intent("human_agent");
  public static final Intent CANNOT_LOGIN = new Intent("cannot_login");
  public static final Intent INVALID_CREDENTIALS = new Intent("invalid_credentials");
  public static final Intent FORGOT_PASSWORD = new Intent("forgot_password");
  public static final Intent RESET_EMAIL_MISSING = new Intent("reset_email_missing");
  public static final Intent USERNAME_OR_EMAIL = new Intent("username_or_email");
  public static final Intent TEMPORARY_PASSWORD = new Intent("temporary_password");
  public static final Intent ACCOUNT_DISABLED = new Intent("account_disabled");
  public static final Intent APP_UPDATE = new Intent("app_update");
  public static final Intent OUT_OF_SCOPE = new Intent("out_of_scope");

  /**
   * The labels the bot itself reacts to (greeting, yes/no, a person, a generic "I can't log in",
   * out of scope): every other label must start a case of the content.
   */
  public static final List<Intent> CONVERSATION =
      List.of(GREETING, GOODBYE, AFFIRM, DENY, HUMAN_AGENT, CANNOT_LOGIN, OUT_OF_SCOPE);

  public Intent {
    if (label == null || !LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException(
          "an intent label is lowercase letters, digits and '_': '" + label + "'");
    }
  }

  /** The label if it is well formed ({@code forgot_password}); whether it is trained is data. */
  public static Optional<Intent> fromLabel(String label) {
    return label != null && LABEL.matcher(label).matches()
        ? Optional.of(new Intent(label))
        : Optional.empty();
  }

  /** Whether the bot reacts to this label itself rather than through a case. */
  public boolean isConversational() {
    return CONVERSATION.contains(this);
  }

  @Override
  public int compareTo(Intent other) {
    return label.compareTo(other.label);
  }

  @Override
  public String toString() {
    return label;
  }
}
