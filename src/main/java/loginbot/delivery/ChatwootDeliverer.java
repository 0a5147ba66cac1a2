package loginbot.delivery;

import java.io.IOException;
import loginbot.channel.chatwoot.ChatwootApiException;
import loginbot.channel.chatwoot.ChatwootCall;
import loginbot.channel.chatwoot.ChatwootClient;
import loginbot.channel.chatwoot.ChatwootOutbox;
import loginbot.store.OutboxItem;

/** Delivers Chatwoot API calls: replies, the handoff sequence, status changes. */
public final class ChatwootDeliverer implements Deliverer {
  private final ChatwootClient client;
  private final ChatwootOutbox outbox;

  public ChatwootDeliverer(ChatwootClient client, ChatwootOutbox outbox) {
    this.client = client;
    this.outbox = outbox;
  }

  @Override
  public String kindPrefix() {
    return ChatwootOutbox.KIND_PREFIX;
  }

  @Override
  public void deliver(OutboxItem item) throws IOException {
    ChatwootCall call;
    try {
      call = outbox.decode(item);
    } catch (IllegalArgumentException e) {
      throw new UndeliverableException(e.getMessage(), e);
    }
    try {
      call.sendWith(client);
    } catch (ChatwootApiException e) {
      if (!e.retryable()) {
        throw new UndeliverableException(
            "Chatwoot refused it (HTTP " + e.status() + "): " + e.body(), e);
      }
      throw e;
    }
  }
}
