package loginbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outbox's SQL: items are written with their turn and go out oldest first, one per
 * conversation.
 */
final class OutboxTable {
  private final Dialect dialect;

  OutboxTable(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The turn's items in one multi-row INSERT; {@code drafts} is not empty. */
  Sql insert(String conversationId, List<OutboxItem.Draft> drafts, Instant now) {
    return new Sql(
        "INSERT INTO outbox (conversation_id, kind, payload, attempts, not_before, created_at)"
            + " VALUES "
            + String.join(", ", Collections.nCopies(drafts.size(), "(?, ?, ?, 0, ?, ?)")),
        (ps, first) -> {
          int i = first;
          for (OutboxItem.Draft d : drafts) {
            ps.setString(i++, conversationId);
            ps.setString(i++, d.kind());
            ps.setString(i++, d.payload());
            dialect.setInstant(ps, i++, Dialect.stored(now.plus(d.delay())));
            dialect.setInstant(ps, i++, now);
          }
          return i;
        });
  }

  /** The oldest item of each conversation, when it is due and its kind starts with the prefix. */
  List<OutboxItem> due(Connection c, String kindPrefix, Instant now, int limit, boolean lock)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, conversation_id, kind, payload, attempts,"
                + " not_before FROM outbox WHERE id IN (SELECT MIN(id) FROM outbox GROUP BY conversation_id)"
                + " AND not_before <= ? AND substr(kind, 1, ?) = ? ORDER BY id LIMIT ?"
                + (lock ? dialect.forUpdateSkipLocked() : ""))) {
      dialect.setInstant(ps, 1, now);
      ps.setInt(2, kindPrefix.length());
      ps.setString(3, kindPrefix);
      ps.setInt(4, limit);
      return JdbcStore.list(ps, this::item);
    }
  }

  /**
   * Due items of one kind prefix, pushed to {@code now + lease} so no other caller sees them
   * meanwhile.
   */
  List<OutboxItem> claim(Connection c, String kindPrefix, Instant now, Duration lease, int limit)
      throws SQLException {
    Instant until = Dialect.stored(now.plus(lease));
    List<OutboxItem> claimed = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE outbox SET not_before = ? WHERE id = ?")) {
      for (OutboxItem item : due(c, kindPrefix, now, limit, true)) {
        dialect.setInstant(ps, 1, until);
        ps.setLong(2, item.id());
        ps.addBatch();
        claimed.add(
            new OutboxItem(
                item.id(),
                item.conversationId(),
                item.kind(),
                item.payload(),
                item.attempts(),
                until));
      }
      ps.executeBatch();
    }
    return claimed;
  }

  int delete(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
      ps.setLong(1, id);
      return ps.executeUpdate();
    }
  }

  int retryAt(Connection c, long id, Instant notBefore, String error) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ? WHERE id = ?")) {
      dialect.setInstant(ps, 1, notBefore);
      ps.setString(2, error);
      ps.setLong(3, id);
      return ps.executeUpdate();
    }
  }

  private OutboxItem item(ResultSet rs) throws SQLException {
    return new OutboxItem(
        rs.getLong("id"),
        rs.getString("conversation_id"),
        rs.getString("kind"),
        rs.getString("payload"),
        rs.getInt("attempts"),
        dialect.getInstant(rs, "not_before"));
  }
}
