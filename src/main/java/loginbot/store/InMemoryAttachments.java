package loginbot.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attachments in memory, beside an in-memory store: an image is served only while its conversation
 * exists there, so deleting the conversation makes it unreachable (and it is dropped on next read).
 */
public final class InMemoryAttachments implements Attachments {
  private final ConversationStore conversations;
  private final Map<String, Stored> byId = new ConcurrentHashMap<>();

  public InMemoryAttachments(ConversationStore conversations) {
    this.conversations = conversations;
  }

  @Override
  public void put(Stored a) {
    if (conversations.find(a.conversationId()).isEmpty()) {
      throw new IllegalStateException("no conversation " + a.conversationId());
    }
    byId.putIfAbsent(a.id(), a);
  }

  @Override
  public Optional<Stored> find(String conversationId, String attachmentId) {
    if (!live(conversationId)) {
      return Optional.empty();
    }
    return Optional.ofNullable(byId.get(attachmentId))
        .filter(a -> a.conversationId().equals(conversationId));
  }

  @Override
  public List<Info> list(String conversationId) {
    if (!live(conversationId)) {
      return List.of();
    }
    return byId.values().stream()
        .filter(a -> a.conversationId().equals(conversationId))
        .sorted(java.util.Comparator.comparing(Stored::at).thenComparing(Stored::id))
        .map(Stored::info)
        .toList();
  }

  private boolean live(String conversationId) {
    if (conversations.find(conversationId).isPresent()) {
      return true;
    }
    byId.values().removeIf(a -> a.conversationId().equals(conversationId));
    return false;
  }
}
