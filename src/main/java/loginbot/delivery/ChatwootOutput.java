package loginbot.delivery;

import java.util.ArrayList;
import java.util.List;
import loginbot.channel.chatwoot.ChatwootCall;
import loginbot.channel.chatwoot.ChatwootOutbox;
import loginbot.channel.chatwoot.ConversationRef;
import loginbot.dialogue.Action;
import loginbot.store.OutboxItem;
import loginbot.store.TranscriptEntry;

/**
 * Chatwoot conversations: everything goes out through Chatwoot's API, the bot's replies to a
 * visitor's message and the console's actions alike (an agent's reply is posted by the bot, a
 * hand-back sets the conversation pending again, a close resolves it). Chatwoot has its own e-mail
 * continuation, so the bot never offers one.
 */
public final class ChatwootOutput implements OutputChannel {
  private final ChatwootOutbox outbox;

  public ChatwootOutput(ChatwootOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public boolean answersInResponse() {
    return false;
  }

  @Override
  public Reach reach() {
    return Reach.LIVE;
  }

  @Override
  public boolean mailable() {
    return false;
  }

  @Override
  public List<OutboxItem.Draft> send(Outgoing o) {
    ConversationRef ref = ref(o.conversationId());
    List<ChatwootCall> calls = new ArrayList<>();
    switch (o.cause()) {
      case AGENT_REPLY -> {
        for (TranscriptEntry line : o.lines()) {
          if (line.author() == TranscriptEntry.Author.AGENT) {
            calls.add(new ChatwootCall.Text(ref, line.text()));
          }
        }
      }
      case HAND_BACK -> {
        // Answering what the user wrote meanwhile may hand off again: then pending comes first.
        boolean handsOffAgain =
            o.turn().actions().stream().anyMatch(Action.Handoff.class::isInstance);
        if (handsOffAgain) {
          calls.add(new ChatwootCall.ToggleStatus(ref, "pending"));
        }
        calls.addAll(outbox.calls(ref, o.attributes(), o.turn()));
        if (!handsOffAgain) {
          calls.add(new ChatwootCall.ToggleStatus(ref, "pending"));
        }
      }
      case PLATFORM_REOPEN -> {
        calls.add(new ChatwootCall.ToggleStatus(ref, "pending"));
        calls.addAll(outbox.calls(ref, o.attributes(), o.turn()));
      }
      case PLATFORM_TAKEOVER -> calls.add(new ChatwootCall.ToggleStatus(ref, "open"));
      case PLATFORM_AGENT_REPLY -> {
        // Chatwoot already shows what its agent wrote.
      }
      case USER_MESSAGE, CLOSE, PLATFORM_HAND_BACK ->
          calls.addAll(outbox.calls(ref, o.attributes(), o.turn()));
    }
    return calls.stream().map(outbox::draft).toList();
  }

  /** {@code cw:<account>:<conversation>}, as {@link ConversationRef#key()} writes it. */
  static ConversationRef ref(String key) {
    String[] parts = key.split(":");
    if (parts.length != 3 || !parts[0].equals("cw")) {
      throw new IllegalArgumentException("not a Chatwoot conversation: " + key);
    }
    return new ConversationRef(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
  }
}
