package loginbot.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import loginbot.dialogue.Action;

/**
 * Message ids this instance saw committed, with their replies: a processed id stays processed, so a
 * hit can answer a redelivery without a database round trip. Only a deletion undoes one. A miss
 * proves nothing (the id may be older than this process), so the database still has the last word.
 */
final class ProcessedIds {
  private final Cache<String, List<Action.Reply>> ids =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  Optional<List<Action.Reply>> get(String conversationId, String messageId) {
    return Optional.ofNullable(ids.getIfPresent(key(conversationId, messageId)));
  }

  void put(String conversationId, String messageId, List<Action.Reply> replies) {
    ids.put(key(conversationId, messageId), replies);
  }

  void forget(String conversationId, String messageId) {
    ids.invalidate(key(conversationId, messageId));
  }

  void forget(String conversationId) {
    ids.asMap().keySet().removeIf(k -> k.startsWith(conversationId + "\u0000"));
  }

  void clear() {
    ids.invalidateAll();
  }

  private static String key(String conversationId, String messageId) {
    return conversationId + "\u0000" + messageId;
  }
}
