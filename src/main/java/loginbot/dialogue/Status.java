package loginbot.dialogue;

import java.util.Locale;

/** Who owns a conversation now: the bot, a human agent, or nobody (closed). */
public enum Status {
  BOT,
  HANDOFF,
  CLOSED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
