package loginbot.delivery;

import java.io.IOException;
import loginbot.store.OutboxItem;

/** Delivers the outbox items of one target (Chatwoot, the REST callback, e-mail). */
public interface Deliverer {

  /** The kinds this deliverer takes: every item whose kind starts with it. */
  String kindPrefix();

  /**
   * Delivers one item.
   *
   * @throws IOException a failure worth retrying (transport error, timeout, 408, 429, 5xx)
   * @throws UndeliverableException the item can never be delivered (bad payload, other 4xx)
   */
  void deliver(OutboxItem item) throws IOException;
}
