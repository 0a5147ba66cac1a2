package loginbot.delivery;

import java.util.List;
import loginbot.store.OutboxItem;

/**
 * How one channel carries messages to its users, as Rasa's {@code OutputChannel}: whether a request
 * is waiting for the bot's answer, how messages written later reach the user, and the outbox items
 * that carry them.
 */
public interface OutputChannel {

  /** How a message written later (by an agent) reaches the user. */
  enum Reach {
    /** Pushed or streamed to the open chat (the widget, a REST callback, Chatwoot). */
    LIVE,
    /** Only when the user writes again: returned with the next answer (REST without callback). */
    ON_RETURN
  }

  /** True when the user's own message is answered in its response (widget, REST). */
  boolean answersInResponse();

  Reach reach();

  /** True when the bot may continue by e-mail on this channel (it has no e-mail of its own). */
  boolean mailable();

  /** The outbox items that carry {@code outgoing} to the user where no response carries it. */
  List<OutboxItem.Draft> send(Outgoing outgoing);
}
