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
  DID_IT_WORK,
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
  SCREEN_NOT_READ;

  /** The key in {@code system.yaml}, e.g. {@code not_understood}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
