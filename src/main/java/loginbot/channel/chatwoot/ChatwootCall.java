package loginbot.channel.chatwoot;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One Chatwoot API call waiting in the outbox. Stored as JSON in the durable store: add components
 * with care and never rename them, or rows written by an older version stop decoding.
 */
public sealed interface ChatwootCall {
  ConversationRef conversation();

  void sendWith(ChatwootClient client) throws IOException;

  /** A bot reply without options. */
  record Text(ConversationRef conversation, String content) implements ChatwootCall {
    @Override
    public void sendWith(ChatwootClient client) throws IOException {
      client.sendText(conversation, content);
    }
  }

  /** A bot reply with options, rendered by the widget as buttons. */
  record Choices(
      ConversationRef conversation, String content, List<ChatwootClient.SelectItem> items)
      implements ChatwootCall {
    @Override
    public void sendWith(ChatwootClient client) throws IOException {
      client.sendInputSelect(conversation, content, items);
    }
  }

  /** The handoff packet for the agents. */
  record PrivateNote(ConversationRef conversation, String markdown) implements ChatwootCall {
    @Override
    public void sendWith(ChatwootClient client) throws IOException {
      client.addPrivateNote(conversation, markdown);
    }
  }

  /** The conversation's full attribute map: what it had, merged with ours. */
  record CustomAttributes(ConversationRef conversation, Map<String, Object> attributes)
      implements ChatwootCall {
    @Override
    public void sendWith(ChatwootClient client) throws IOException {
      client.setCustomAttributes(conversation, attributes);
    }
  }

  /** Routing of a handoff to the configured team. */
  record AssignTeam(ConversationRef conversation, long teamId) implements ChatwootCall {
    @Override
    public void sendWith(ChatwootClient client) throws IOException {
      client.assignTeam(conversation, teamId);
    }
  }

  /** {@code open} (handoff) or {@code resolved} (the bot closed the conversation). */
  record ToggleStatus(ConversationRef conversation, String status) implements ChatwootCall {
    @Override
    public void sendWith(ChatwootClient client) throws IOException {
      client.toggleStatus(conversation, status);
    }
  }
}
