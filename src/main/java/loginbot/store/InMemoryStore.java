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
  private final Map<String, List<Episode>> episodes = new HashMap<>();
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
      return new TurnResult(true, current.orElse(null), processed.get(key), List.of());
    }
    TurnWrite write = logic.prepared().apply(current);
    Instant now = clock.instant();
    long lastSeq = current.map(ConversationRecord::lastSeq).orElse(0L);
    Episodes.Advance advance =
        Episodes.advance(current.map(ConversationRecord::episode), write, now, lastSeq + 1);
    List<Episode> history = episodes.computeIfAbsent(conversationId, k -> new ArrayList<>());
    advance.ended().ifPresent(e -> history.set(history.size() - 1, e));
    if (history.isEmpty()
        || history.get(history.size() - 1).number() != advance.current().number()) {
      history.add(advance.current());
    } else {
      history.set(history.size() - 1, advance.current());
    }
    List<TranscriptEntry> lines =
        transcripts.computeIfAbsent(conversationId, k -> new ArrayList<>());
    List<TranscriptEntry> appended = new ArrayList<>();
    for (TranscriptEntry.Draft draft : write.transcript()) {
      TranscriptEntry entry = draft.withSeq(lines.size() + 1L);
      lines.add(entry);
      appended.add(entry);
    }
    ConversationRecord next =
        new ConversationRecord(
            conversationId,
            current.map(ConversationRecord::channel).orElse(channel),
            write.next(),
            Optional.ofNullable(advance.current().handoff()),
            current.map(ConversationRecord::createdAt).orElse(now),
            now,
            advance.current(),
            reader(current, write),
            lines.size(),
            Assignment.after(current, write));
    conversations.put(conversationId, next);
    for (OutboxItem.Draft draft : write.outbox()) {
      long id = nextOutboxId++;
      outbox.put(
          id,
          new OutboxItem(
              id, conversationId, draft.kind(), draft.payload(), 0, now.plus(draft.delay())));
    }
    if (key != null) {
      processed.put(key, write.replies());
    }
    return new TurnResult(false, next, write.replies(), appended, write.note());
  }

  /** The reader the turn leaves: its new details, with read positions that never move back. */
  static Reader reader(Optional<ConversationRecord> current, TurnWrite write) {
    Reader before = current.map(ConversationRecord::reader).orElse(Reader.UNKNOWN);
    Reader after = write.reader().orElse(before);
    return new Reader(
        after.email(),
        after.emailSource(),
        after.page(),
        after.awaitingEmail(),
        Math.max(before.seenSeq(), after.seenSeq()),
        Math.max(before.mailedSeq(), after.mailedSeq()),
        after.client());
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
  public synchronized ConversationPage queue(QueueQuery query) {
    Comparator<ConversationRecord> order =
        Comparator.comparing(InMemoryStore::queuedAt).thenComparing(ConversationRecord::id);
    List<ConversationRecord> rows =
        conversations.values().stream()
            .filter(c -> c.state().status() == Status.HANDOFF && query.shows(c))
            .filter(c -> query.after() == null || order.compare(c, atCursor(query.after(), c)) > 0)
            .sorted(order)
            .limit(query.limit() + 1L)
            .toList();
    return ConversationPage.of(rows, query.limit(), c -> new PageCursor(queuedAt(c), c.id()));
  }

  private static Instant queuedAt(ConversationRecord c) {
    return c.handoff().map(p -> Dialect.stored(p.at())).orElse(c.updatedAt());
  }

  /** A stand-in record that sorts where the cursor points. */
  private static ConversationRecord atCursor(PageCursor cursor, ConversationRecord like) {
    return new ConversationRecord(
        cursor.id(),
        like.channel(),
        like.state(),
        Optional.empty(),
        like.createdAt(),
        cursor.at(),
        like.episode(),
        like.reader(),
        like.lastSeq());
  }

  @Override
  public synchronized QueueCounts queueCounts(String agent) {
    List<ConversationRecord> queued =
        conversations.values().stream().filter(c -> c.state().status() == Status.HANDOFF).toList();
    return new QueueCounts(
        queued.size(),
        (int) queued.stream().filter(c -> c.assignee() == null).count(),
        (int) queued.stream().filter(c -> agent != null && agent.equals(c.assignee())).count());
  }

  @Override
  public synchronized ConversationPage history(HistoryQuery query) {
    Comparator<ConversationRecord> order =
        Comparator.comparing(ConversationRecord::updatedAt)
            .thenComparing(ConversationRecord::id)
            .reversed();
    List<ConversationRecord> rows =
        conversations.values().stream()
            .filter(c -> matches(c, query))
            .filter(c -> query.after() == null || order.compare(c, atCursor(query.after(), c)) > 0)
            .sorted(order)
            .limit(query.limit() + 1L)
            .toList();
    return ConversationPage.of(rows, query.limit(), c -> new PageCursor(c.updatedAt(), c.id()));
  }

  private boolean matches(ConversationRecord c, HistoryQuery q) {
    if (q.status() != null && !q.status().equals(c.state().status().code())) {
      return false;
    }
    if (q.from() != null && c.updatedAt().isBefore(q.from())
        || q.to() != null && !c.updatedAt().isBefore(q.to())) {
      return false;
    }
    if (q.text() != null) {
      String needle = q.text().toLowerCase(java.util.Locale.ROOT);
      boolean said =
          transcripts.getOrDefault(c.id(), List.of()).stream()
              .anyMatch(t -> t.text().toLowerCase(java.util.Locale.ROOT).contains(needle));
      if (!said) {
        return false;
      }
    }
    if (q.caseId() == null && q.role() == null && q.language() == null && q.agent() == null) {
      return true;
    }
    return episodes.getOrDefault(c.id(), List.of()).stream()
        .anyMatch(
            e ->
                (q.caseId() == null || q.caseId().equals(e.caseId()))
                    && (q.role() == null || e.role() != null && q.role().equals(e.role().code()))
                    && (q.language() == null
                        || e.language() != null && q.language().equals(e.language().code()))
                    && (q.agent() == null
                        || q.agent().equals(e.agent())
                        || q.agent().equals(c.assignee())));
  }

  @Override
  public synchronized List<ConversationRecord> updatedBetween(Instant from, Instant to) {
    return conversations.values().stream()
        .filter(c -> !c.updatedAt().isBefore(from) && c.updatedAt().isBefore(to))
        .toList();
  }

  @Override
  public synchronized List<Episode> episodes(String conversationId) {
    return List.copyOf(episodes.getOrDefault(conversationId, List.of()));
  }

  @Override
  public synchronized List<ConversationEpisode> episodesStartedBetween(Instant from, Instant to) {
    List<ConversationEpisode> found = new ArrayList<>();
    episodes.forEach(
        (id, list) ->
            list.stream()
                .filter(e -> !e.startedAt().isBefore(from) && e.startedAt().isBefore(to))
                .forEach(
                    e ->
                        found.add(
                            new ConversationEpisode(id, conversations.get(id).channel(), e))));
    found.sort(
        Comparator.comparing((ConversationEpisode e) -> e.episode().startedAt())
            .thenComparing(ConversationEpisode::conversationId)
            .thenComparingInt(e -> e.episode().number()));
    return found;
  }

  @Override
  public synchronized void markSeen(String conversationId, long seq) {
    conversations.computeIfPresent(
        conversationId, (id, c) -> withReader(c, c.reader().seenThrough(seq)));
  }

  @Override
  public synchronized void markMailed(String conversationId, long seq) {
    conversations.computeIfPresent(
        conversationId,
        (id, c) -> {
          Reader r = c.reader();
          return withReader(
              c,
              new Reader(
                  r.email(),
                  r.emailSource(),
                  r.page(),
                  r.awaitingEmail(),
                  r.seenSeq(),
                  Math.max(r.mailedSeq(), seq),
                  r.client()));
        });
  }

  private static ConversationRecord withReader(ConversationRecord c, Reader reader) {
    return new ConversationRecord(
        c.id(),
        c.channel(),
        c.state(),
        c.handoff(),
        c.createdAt(),
        c.updatedAt(),
        c.episode(),
        reader,
        c.lastSeq(),
        c.assignee());
  }

  @Override
  public synchronized boolean delete(String conversationId) {
    transcripts.remove(conversationId);
    episodes.remove(conversationId);
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
