package loginbot.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import loginbot.dialogue.Action;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Status;

/**
 * A single-process store that forgets everything on exit; the reference semantics for the durable
 * stores and the fastest option for tests. One monitor serialises all writes, which is ample for
 * the pure, microsecond turns it runs.
 */
public final class InMemoryStore implements ConversationStore {
  private final Clock clock;
  private final Map<String, ConversationRecord> conversations = new HashMap<>();
  private final Map<String, List<TranscriptEntry>> transcripts = new HashMap<>();
  private final Map<String, List<Action.Reply>> processed = new LinkedHashMap<>();
  private final TreeMap<Long, OutboxItem> outbox = new TreeMap<>();
  private long nextOutboxId = 1;

  public InMemoryStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized TurnResult runTurn(
      String conversationId, String channel, String messageId, TurnLogic logic) {
    String key = messageId == null ? null : conversationId + "\u0000" + messageId;
    Optional<ConversationRecord> current = Optional.ofNullable(conversations.get(conversationId));
    if (key != null && processed.containsKey(key)) {
      return new TurnResult(
          true, current.map(ConversationRecord::state).orElse(null), processed.get(key), List.of());
    }
    TurnWrite write = logic.apply(current);
    Instant now = clock.instant();
    // A new packet replaces the old one; a hand-back to the bot drops it.
    var handoff =
        write.handoff().isPresent()
            ? write.handoff()
            : write.next().status() == Status.BOT
                ? Optional.<HandoffPacket>empty()
                : current.flatMap(ConversationRecord::handoff);
    conversations.put(
        conversationId,
        new ConversationRecord(
            conversationId,
            current.map(ConversationRecord::channel).orElse(channel),
            write.next(),
            handoff,
            current.map(ConversationRecord::createdAt).orElse(now),
            now));
    List<TranscriptEntry> lines =
        transcripts.computeIfAbsent(conversationId, k -> new ArrayList<>());
    List<TranscriptEntry> appended = new ArrayList<>();
    for (TranscriptEntry.Draft draft : write.transcript()) {
      TranscriptEntry entry = draft.withSeq(lines.size() + 1L);
      lines.add(entry);
      appended.add(entry);
    }
    for (OutboxItem.Draft draft : write.outbox()) {
      long id = nextOutboxId++;
      outbox.put(id, new OutboxItem(id, conversationId, draft.kind(), draft.payload(), 0, now));
    }
    if (key != null) {
      processed.put(key, write.replies());
    }
    return new TurnResult(false, write.next(), write.replies(), appended);
  }

  @Override
  public synchronized Optional<ConversationRecord> find(String conversationId) {
    return Optional.ofNullable(conversations.get(conversationId));
  }

  @Override
  public synchronized List<TranscriptEntry> transcript(String conversationId, long afterSeq) {
    return transcripts.getOrDefault(conversationId, List.of()).stream()
        .filter(e -> e.seq() > afterSeq)
        .toList();
  }

  @Override
  public synchronized List<ConversationRecord> handoffQueue() {
    return conversations.values().stream()
        .filter(c -> c.state().status() == Status.HANDOFF)
        .sorted(
            Comparator.comparing(
                    (ConversationRecord c) -> c.handoff().map(p -> p.at()).orElse(c.updatedAt()))
                .reversed())
        .toList();
  }

  @Override
  public synchronized List<ConversationRecord> updatedBetween(Instant from, Instant to) {
    return conversations.values().stream()
        .filter(c -> !c.updatedAt().isBefore(from) && c.updatedAt().isBefore(to))
        .toList();
  }

  @Override
  public synchronized boolean delete(String conversationId) {
    transcripts.remove(conversationId);
    processed.keySet().removeIf(k -> k.startsWith(conversationId + "\u0000"));
    outbox.values().removeIf(i -> i.conversationId().equals(conversationId));
    return conversations.remove(conversationId) != null;
  }

  @Override
  public synchronized int purgeUpdatedBefore(Instant cutoff) {
    List<String> old =
        conversations.values().stream()
            .filter(c -> c.updatedAt().isBefore(cutoff))
            .map(ConversationRecord::id)
            .toList();
    old.forEach(this::delete);
    return old.size();
  }

  @Override
  public synchronized List<OutboxItem> dueOutbox(Instant now, int limit) {
    Map<String, OutboxItem> oldestPerConversation = new LinkedHashMap<>();
    for (OutboxItem item : outbox.values()) {
      oldestPerConversation.putIfAbsent(item.conversationId(), item);
    }
    return oldestPerConversation.values().stream()
        .filter(i -> !i.notBefore().isAfter(now))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<OutboxItem> claimDueOutbox(
      String kindPrefix, Instant now, Duration lease, int limit) {
    List<OutboxItem> claimed = new ArrayList<>();
    List<OutboxItem> due =
        dueOutbox(now, Integer.MAX_VALUE).stream()
            .filter(i -> i.kind().startsWith(kindPrefix))
            .limit(limit)
            .toList();
    for (OutboxItem i : due) {
      OutboxItem leased =
          new OutboxItem(
              i.id(), i.conversationId(), i.kind(), i.payload(), i.attempts(), now.plus(lease));
      outbox.put(i.id(), leased);
      claimed.add(leased);
    }
    return claimed;
  }

  @Override
  public synchronized void outboxDelivered(long itemId) {
    outbox.remove(itemId);
  }

  @Override
  public synchronized void outboxRetryAt(long itemId, Instant notBefore, String error) {
    outbox.computeIfPresent(
        itemId,
        (id, i) ->
            new OutboxItem(
                id, i.conversationId(), i.kind(), i.payload(), i.attempts() + 1, notBefore));
  }

  @Override
  public void checkReady() {}

  @Override
  public void close() {}
}
