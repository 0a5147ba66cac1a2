package loginbot.store;

import com.zaxxer.hikari.HikariDataSource;
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
import java.util.function.UnaryOperator;
import loginbot.dialogue.Action;
import loginbot.dialogue.Status;

/**
 * The durable store, on SQLite (embedded, one process) or PostgreSQL (shared by instances). A turn
 * is one transaction under the conversation's lock; it is acknowledged only after it committed.
 */
public final class JdbcStore implements ConversationStore {
  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Rows rows;
  private final Transactions tx;
  private final OutboxTable outbox;
  private final ProcessedIds processed = new ProcessedIds();
  // One of the two is null: the embedded store keeps live conversations in memory, a shared
  // database cannot (another instance may have moved a conversation on).
  private final EmbeddedTurns embedded;
  private final SharedTurns shared;
  private final Searches searches;

  JdbcStore(HikariDataSource dataSource, Dialect dialect, Rows rows, Clock clock) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.rows = rows;
    this.outbox = new OutboxTable(dialect);
    this.searches = new Searches(dialect, rows);
    this.tx =
        new Transactions(dataSource, dialect, dialect.singleWriter() ? new ReentrantLock() : null);
    this.embedded =
        dialect.singleWriter() ? new EmbeddedTurns(tx, rows, outbox, clock, processed) : null;
    this.shared = dialect.singleWriter() ? null : new SharedTurns(tx, rows, outbox, clock);
  }

  @Override
  public TurnResult runTurn(
      String conversationId, String channel, String messageId, TurnLogic logic) {
    Objects.requireNonNull(conversationId, "conversationId");
    if (embedded != null) {
      return embedded.run(conversationId, channel, messageId, logic);
    }
    if (messageId != null) {
      Optional<List<Action.Reply>> replies = processed.get(conversationId, messageId);
      if (replies.isPresent()) {
        Optional<ConversationRecord> current = find(conversationId);
        if (current.isPresent()) {
          return new TurnResult(true, current.get(), replies.get(), List.of());
        }
        processed.forget(conversationId, messageId);
      }
    }
    TurnResult result = shared.run(conversationId, channel, messageId, logic);
    if (messageId != null) {
      processed.put(conversationId, messageId, result.replies());
    }
    return result;
  }

  @Override
  public Optional<ConversationRecord> find(String conversationId) {
    Optional<ConversationRecord> cached =
        embedded == null ? Optional.empty() : embedded.cached(conversationId);
    return cached.isPresent()
        ? cached
        : tx.read("reading a conversation", c -> rows.findConversation(c, conversationId));
  }

  @Override
  public List<TranscriptEntry> transcript(String conversationId, long afterSeq) {
    return tx.read(
        "reading a transcript",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + Rows.TRANSCRIPT_COLUMNS
                      + " FROM transcript WHERE conversation_id = ? AND seq > ? ORDER BY seq")) {
            ps.setString(1, conversationId);
            ps.setLong(2, afterSeq);
            return list(ps, rows::transcriptEntry);
          }
        });
  }

  @Override
  public List<ConversationRecord> handoffQueue() {
    return tx.read(
        "reading the handoff queue",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  Rows.CONVERSATION_SELECT
                      + " WHERE c.status = ? ORDER BY COALESCE(c.handoff_at, c.updated_at) DESC,"
                      + " c.id")) {
            ps.setString(1, Status.HANDOFF.code());
            return list(ps, rows::conversation);
          }
        });
  }

  @Override
  public ConversationPage queue(QueueQuery query) {
    return tx.read("reading the queue", c -> searches.queue(c, query));
  }

  @Override
  public QueueCounts queueCounts(String agent) {
    return tx.read("counting the queue", c -> searches.counts(c, agent));
  }

  @Override
  public ConversationPage history(HistoryQuery query) {
    return tx.read("searching conversations", c -> searches.history(c, query));
  }

  @Override
  public List<ConversationRecord> updatedBetween(Instant from, Instant to) {
    return tx.read(
        "reading conversations",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  Rows.CONVERSATION_SELECT
                      + " WHERE c.updated_at >= ? AND c.updated_at < ? ORDER BY c.updated_at,"
                      + " c.id")) {
            dialect.setInstant(ps, 1, from);
            dialect.setInstant(ps, 2, to);
            return list(ps, rows::conversation);
          }
        });
  }

  @Override
  public List<Episode> episodes(String conversationId) {
    return tx.read(
        "reading episodes",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + Rows.EPISODE_SELECT
                      + " FROM episodes e WHERE e.conversation_id = ? ORDER BY e.number")) {
            ps.setString(1, conversationId);
            return list(ps, rows::episode);
          }
        });
  }

  @Override
  public List<ConversationEpisode> episodesStartedBetween(Instant from, Instant to) {
    return tx.read(
        "reading episodes",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT c.id, c.channel, "
                      + Rows.EPISODE_SELECT
                      + " FROM episodes e JOIN conversations c ON c.id = e.conversation_id"
                      + " WHERE e.started_at >= ? AND e.started_at < ?"
                      + " ORDER BY e.started_at, c.id, e.number")) {
            dialect.setInstant(ps, 1, from);
            dialect.setInstant(ps, 2, to);
            return list(
                ps,
                rs ->
                    new ConversationEpisode(
                        rs.getString("id"), rs.getString("channel"), rows.episode(rs)));
          }
        });
  }

  @Override
  public void markSeen(String conversationId, long seq) {
    advance("seen_seq", conversationId, seq, r -> r.seenThrough(seq));
  }

  @Override
  public void markMailed(String conversationId, long seq) {
    advance("mailed_seq", conversationId, seq, r -> r.mailedThrough(seq));
  }

  private void advance(
      String column, String conversationId, long seq, UnaryOperator<Reader> moved) {
    Runnable write =
        () ->
            tx.write(
                null,
                "recording what the user was shown",
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "UPDATE conversations SET "
                              + column
                              + " = ? WHERE id = ? AND "
                              + column
                              + " < ?")) {
                    ps.setLong(1, seq);
                    ps.setString(2, conversationId);
                    ps.setLong(3, seq);
                    return ps.executeUpdate();
                  }
                });
    if (embedded == null) {
      write.run();
      return;
    }
    embedded.locked(
        conversationId,
        () -> {
          write.run();
          embedded.changed(conversationId, r -> r.withReader(moved.apply(r.reader())));
          return null;
        });
  }

  @Override
  public boolean delete(String conversationId) {
    if (embedded == null) {
      return deleteRow(conversationId);
    }
    return embedded.locked(
        conversationId,
        () -> {
          try {
            return deleteRow(conversationId);
          } finally {
            embedded.forget(conversationId);
          }
        });
  }

  private boolean deleteRow(String conversationId) {
    // Transcript, processed ids and outbox follow by ON DELETE CASCADE.
    boolean deleted =
        tx.write(
            conversationId,
            "deleting a conversation",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
                ps.setString(1, conversationId);
                return ps.executeUpdate() > 0;
              }
            });
    processed.forget(conversationId);
    return deleted;
  }

  @Override
  public int purgeUpdatedBefore(Instant cutoff) {
    int purged =
        tx.write(
            null,
            "purging old conversations",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("DELETE FROM conversations WHERE updated_at < ?")) {
                dialect.setInstant(ps, 1, cutoff);
                return ps.executeUpdate();
              }
            });
    if (purged > 0) {
      processed.clear();
      if (embedded != null) {
        // A turn holding a purged conversation finds its row gone and reads it again.
        embedded.forgetAll();
      }
    }
    return purged;
  }

  @Override
  public List<OutboxItem> dueOutbox(Instant now, int limit) {
    return tx.read("reading the outbox", c -> outbox.due(c, "", now, limit, false));
  }

  @Override
  public List<OutboxItem> claimDueOutbox(
      String kindPrefix, Instant now, Duration lease, int limit) {
    return tx.write(
        null, "claiming outbox items", c -> outbox.claim(c, kindPrefix, now, lease, limit));
  }

  @Override
  public void outboxDelivered(long itemId) {
    tx.write(null, "updating the outbox", c -> outbox.delete(c, itemId));
  }

  @Override
  public void outboxRetryAt(long itemId, Instant notBefore, String error) {
    tx.write(null, "updating the outbox", c -> outbox.retryAt(c, itemId, notBefore, error));
  }

  @Override
  public void checkReady() {
    tx.requireWritable();
    boolean valid = tx.read("checking the database", c -> c.isValid(2));
    if (!valid) {
      throw new StoreUnavailableException(
          dialect.product() + " did not answer a validity check", null);
    }
  }

  /** The widget's tokens, in this database. */
  public WidgetSessions widgetSessions() {
    return new WidgetSessionTable(tx, dialect);
  }

  /** The team's canned replies, in this database. */
  public CannedReplies cannedReplies() {
    return new CannedReplyTable(tx, dialect);
  }

  /** Users' images, in this database; they go with their conversation. */
  public Attachments attachments() {
    return new AttachmentTable(tx, dialect);
  }

  @Override
  public void close() {
    tx.close();
    dataSource.close();
  }

  static <T> List<T> list(PreparedStatement ps, Transactions.RowReader<T> reader)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(reader.read(rs));
      }
    }
    return out;
  }
}
