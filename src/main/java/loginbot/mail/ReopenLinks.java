package loginbot.mail;

import java.util.Optional;
import loginbot.store.ConversationRecord;

/** A link that opens a conversation again in the widget, where there is one. */
@FunctionalInterface
public interface ReopenLinks {
  ReopenLinks NONE = conversation -> Optional.empty();

  Optional<String> link(ConversationRecord conversation);
}
