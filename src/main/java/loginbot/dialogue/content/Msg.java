package loginbot.dialogue.content;

import java.util.Locale;

/**
 * The bot's own messages (not tied to a case); each must exist in {@code system.yaml} per language.
 */
public enum Msg {
  GREETING,
  MENU_PROMPT,
  CANNOT_LOGIN,
  ROLE_QUESTION,
  ROLE_QUESTION_AGAIN,
  ROLE_ASSUMED,
  DID_IT_WORK,
  CLARIFY_OUTCOME,
  CLARIFY_OUTCOME_AGAIN,
  NOT_UNDERSTOOD,
  NOT_UNDERSTOOD_STEP,
  OUT_OF_SCOPE,
  OFFER_HUMAN,
  HANDOFF_OPEN,
  HANDOFF_CLOSED,
  PASSWORD_WARNING,
  RESOLVED,
  HELPFUL_QUESTION,
  RATING_QUESTION,
  FEEDBACK_THANKS,
  GOODBYE,
  END,
  HANDED_BACK,
  AGENT_CLOSED,
  SCREEN_SHOWS,
  SCREEN_UNKNOWN,
  SCREEN_NOT_READ,
  IMAGE_TOO_LARGE,
  IMAGE_NOT_SUPPORTED,
  IMAGE_UNAVAILABLE,
  // How the user will get an agent's answer, said after the handoff notice (chosen by the channel).
  REACH_HERE,
  REACH_HERE_OR_EMAIL,
  REACH_HERE_AND_EMAIL,
  REACH_LATER,
  REACH_LATER_ASK_EMAIL,
  REACH_LATER_EMAIL_KNOWN,
  EMAIL_SAVED,
  EMAIL_INVALID,
  // The e-mail that carries an agent's answer to a user who left.
  MAIL_SUBJECT,
  MAIL_INTRO,
  MAIL_LINK,
  MAIL_NO_LINK,
  MAIL_FOOTER;

  /** The key in {@code system.yaml}, e.g. {@code not_understood}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
