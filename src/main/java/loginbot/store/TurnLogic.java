package loginbot.store;

import java.util.Optional;

/** The pure part of a turn, run by the store while it holds the conversation's lock. */
@FunctionalInterface
public interface TurnLogic {
  /** Given the stored conversation (empty when new), decides what to write. Must not do I/O. */
  TurnWrite apply(Optional<ConversationRecord> current);

  /**
   * The logic with the work that needs no state done (reading the message): a store calls it once
   * per turn, after it admitted the request and before it takes the conversation's lock or a
   * connection, and applies what it returns.
   */
  default TurnLogic prepared() {
    return this;
  }
}
