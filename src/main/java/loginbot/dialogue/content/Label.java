package loginbot.dialogue.content;

import java.util.Locale;

/** Titles of the bot's own buttons; each must exist in {@code system.yaml} per language. */
public enum Label {
  YES,
  NO,
  CUSTOMER,
  PROFESSIONAL,
  HUMAN,
  HUMAN_YES,
  HUMAN_NO,
  OTHER_PROBLEM;

  /** The key in {@code system.yaml}'s {@code buttons}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
