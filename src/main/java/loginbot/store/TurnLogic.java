package loginbot.store;

import java.util.Optional;

/** The pure part of a turn, run by the store while it holds the conversation's lock. */
@FunctionalInterface
public interface TurnLogic {
  /** Given the stored conversation (empty when new), decides what to write. Must not do I/O. */
  TurnWrite apply(Optional<ConversationRecord> current);
}
