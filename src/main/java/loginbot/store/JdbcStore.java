package loginbot.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import loginbot.dialogue.Action;
import loginbot.dialogue.Status;

/**
 * The durable store, on SQLite (embedded, one process) or PostgreSQL (shared by instances). A turn
 * is one transaction under the conversation's lock; it is acknowledged only after it committed.
 */
public final class JdbcStore implements ConversationStore {
  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Clock clock;
  private final Rows rows;
  private final Transactions tx;
  // Message ids this instance saw committed. A hit skips the locked transaction; it can only be
  // wrong after a delete, which find() below detects. State is never cached.
  private final Cache<String, List<Action.Reply>> processed = Caffeine.newBuilder()
      .maximumSize(100_000)
      .expireAfterWrite(Duration.ofMinutes(10))
      .build();

  JdbcStore(HikariDataSource dataSource, Dialect dialect, Rows rows, Clock clock) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.clock = clock;
    this.rows = rows;
    this.tx = new Transactions(dataSource, dialect, dialect.singleWriter() ? new ReentrantLock() : null);
  }

  @Override
  public TurnResult runTurn(String conversationId, String channel, String messageId, TurnLogic logic) {
    Objects.requireNonNull(conversationId, "conversationId");
    String key = messageId == null ? null : conversationId + "\u0000" + messageId;
    if (key != null) {
      List<Action.Reply> replies = processed.getIfPresent(key);
      if (replies != null) {
        Optional<ConversationRecord> current = find(conversationId);
        if (current.isPresent()) {
          return new TurnResult(true, current.get().state(), replies, List.of());
        }
        processed.invalidate(key);
      }
    }
    TurnResult result = tx.write(conversationId, "running a turn",
        c -> turn(c, conversationId, channel, messageId, logic));
    if (key != null) {
      processed.put(key, result.replies());
    }
    return result;
  }

  private TurnResult turn(Connection c, String id, String channel, String messageId, TurnLogic logic)
      throws SQLException {
    Optional<ConversationRecord> current = rows.findConversation(c, id);
    if (messageId != null) {
      Optional<List<Action.Reply>> first = rows.processedReplies(c, id, messageId);
      if (first.isPresent()) {
        return new TurnResult(true, current.map(ConversationRecord::state).orElse(null), first.get(), List.of());
      }
    }
    TurnWrite write = logic.apply(current);
    Instant now = Dialect.stored(clock.instant());
    // As InMemoryStore: a new packet replaces the old; handing back to the bot clears it.
    var handoff = write.handoff().or(() -> current.flatMap(ConversationRecord::handoff))
        .filter(p -> write.next().status() != Status.BOT || write.handoff().isPresent());
    ConversationRecord next = new ConversationRecord(id,
        current.map(ConversationRecord::channel).orElse(channel), write.next(), handoff,
        current.map(ConversationRecord::createdAt).orElse(now), now);
    if (current.isPresent()) {
      rows.updateConversation(c, next);
    } else {
      rows.insertConversation(c, next);
    }
    long seq = rows.lastSeq(c, id);
    List<TranscriptEntry> appended = new ArrayList<>();
    for (TranscriptEntry.Draft draft : write.transcript()) {
      TranscriptEntry entry = draft.withSeq(++seq);
      appended.add(new TranscriptEntry(entry.seq(), Dialect.stored(entry.at()), entry.author(), entry.name(),
          entry.text(), entry.buttons(), entry.intent(), entry.confidence(), entry.understood()));
    }
    rows.insertTranscript(c, id, appended);
    rows.insertOutbox(c, id, write.outbox(), now);
    if (messageId != null) {
      rows.insertProcessed(c, id, messageId, write.replies(), now);
    }
    return new TurnResult(false, write.next(), write.replies(), appended);
  }

  @Override
  public Optional<ConversationRecord> find(String conversationId) {
    return tx.read("reading a conversation", c -> rows.findConversation(c, conversationId));
  }

  @Override
  public List<TranscriptEntry> transcript(String conversationId, long afterSeq) {
    return tx.read("reading a transcript", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.TRANSCRIPT_COLUMNS
          + " FROM transcript WHERE conversation_id = ? AND seq > ? ORDER BY seq")) {
        ps.setString(1, conversationId);
        ps.setLong(2, afterSeq);
        return list(ps, rows::transcriptEntry);
      }
    });
  }

  @Override
  public List<ConversationRecord> handoffQueue() {
    return tx.read("reading the handoff queue", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.CONVERSATION_COLUMNS
          + " FROM conversations WHERE status = ? ORDER BY COALESCE(handoff_at, updated_at) DESC, id")) {
        ps.setString(1, Status.HANDOFF.code());
        return list(ps, rows::conversation);
      }
    });
  }

  @Override
  public List<ConversationRecord> updatedBetween(Instant from, Instant to) {
    return tx.read("reading conversations", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.CONVERSATION_COLUMNS
          + " FROM conversations WHERE updated_at >= ? AND updated_at < ? ORDER BY updated_at, id")) {
        dialect.setInstant(ps, 1, from);
        dialect.setInstant(ps, 2, to);
        return list(ps, rows::conversation);
      }
    });
  }

  @Override
  public boolean delete(String conversationId) {
    // Transcript, processed ids and outbox follow by ON DELETE CASCADE.
    boolean deleted = tx.write(conversationId, "deleting a conversation",
        c -> update(c, "DELETE FROM conversations WHERE id = ?", conversationId) > 0);
    processed.asMap().keySet().removeIf(k -> k.startsWith(conversationId + "\u0000"));
    return deleted;
  }

  @Override
  public int purgeUpdatedBefore(Instant cutoff) {
    int purged = tx.write(null, "purging old conversations", c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversations WHERE updated_at < ?")) {
        dialect.setInstant(ps, 1, cutoff);
        return ps.executeUpdate();
      }
    });
    if (purged > 0) {
      processed.invalidateAll();
    }
    return purged;
  }

  @Override
  public List<OutboxItem> dueOutbox(Instant now, int limit) {
    return tx.read("reading the outbox", c -> due(c, now, limit, ""));
  }

  @Override
  public List<OutboxItem> claimDueOutbox(Instant now, Duration lease, int limit) {
    Instant until = Dialect.stored(now.plus(lease));
    return tx.write(null, "claiming outbox items", c -> {
      List<OutboxItem> claimed = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET not_before = ? WHERE id = ?")) {
        for (OutboxItem item : due(c, now, limit, dialect.forUpdateSkipLocked())) {
          dialect.setInstant(ps, 1, until);
          ps.setLong(2, item.id());
          ps.addBatch();
          claimed.add(new OutboxItem(item.id(), item.conversationId(), item.kind(), item.payload(), item.attempts(),
              until));
        }
        ps.executeBatch();
      }
      return claimed;
    });
  }

  /** The oldest item of each conversation, when it is due; oldest first. */
  private List<OutboxItem> due(Connection c, Instant now, int limit, String locking) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, conversation_id, kind, payload, attempts,"
        + " not_before FROM outbox WHERE id IN (SELECT MIN(id) FROM outbox GROUP BY conversation_id)"
        + " AND not_before <= ? ORDER BY id LIMIT ?" + locking)) {
      dialect.setInstant(ps, 1, now);
      ps.setInt(2, limit);
      return list(ps, rows::outboxItem);
    }
  }

  @Override
  public void outboxDelivered(long itemId) {
    tx.write(null, "updating the outbox", c -> update(c, "DELETE FROM outbox WHERE id = ?", itemId));
  }

  @Override
  public void outboxRetryAt(long itemId, Instant notBefore, String error) {
    tx.write(null, "updating the outbox", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ? WHERE id = ?")) {
        dialect.setInstant(ps, 1, notBefore);
        ps.setString(2, error);
        ps.setLong(3, itemId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void checkReady() {
    boolean valid = tx.read("checking the database", c -> c.isValid(2));
    if (!valid) {
      throw new StoreUnavailableException(dialect.product() + " did not answer a validity check", null);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static int update(Connection c, String sql, Object key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, key);
      return ps.executeUpdate();
    }
  }

  private static <T> List<T> list(PreparedStatement ps, Transactions.RowReader<T> reader) throws SQLException {
    List<T> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(reader.read(rs));
      }
    }
    return out;
  }
}
