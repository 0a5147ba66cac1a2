package loginbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Widget sessions in the store's database ({@code widget_sessions}, migration V6). */
final class WidgetSessionTable implements WidgetSessions {
  private static final String COLUMNS =
      "conversation_id, issued_at, last_used_at, bound, typing_name, typing_until, seen_seq,"
          + " seen_name";

  private final Transactions tx;
  private final Dialect dialect;

  WidgetSessionTable(Transactions tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  @Override
  public void open(String id, Instant at) {
    tx.write(
        null,
        "issuing a widget token",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO widget_sessions (conversation_id, issued_at, last_used_at, bound)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (conversation_id) DO NOTHING")) {
            ps.setString(1, id);
            dialect.setInstant(ps, 2, Dialect.stored(at));
            dialect.setInstant(ps, 3, Dialect.stored(at));
            ps.setBoolean(4, false);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Session> find(String id) {
    return tx.read(
        "reading a widget token",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM widget_sessions WHERE conversation_id = ?")) {
            ps.setString(1, id);
            return JdbcStore.list(ps, this::session).stream().findFirst();
          }
        });
  }

  private Session session(ResultSet rs) throws SQLException {
    return new Session(
        rs.getString("conversation_id"),
        dialect.getInstant(rs, "issued_at"),
        dialect.getInstant(rs, "last_used_at"),
        rs.getBoolean("bound"),
        rs.getString("typing_name"),
        dialect.getInstant(rs, "typing_until"),
        rs.getLong("seen_seq"),
        rs.getString("seen_name"));
  }

  @Override
  public void touch(String id, Instant at, boolean bind) {
    update(
        "UPDATE widget_sessions SET last_used_at = ?, bound = (bound OR ?) WHERE conversation_id = ?",
        ps -> {
          dialect.setInstant(ps, 1, Dialect.stored(at));
          ps.setBoolean(2, bind);
          ps.setString(3, id);
        });
  }

  @Override
  public void typing(String id, String agentName, Instant until) {
    update(
        "UPDATE widget_sessions SET typing_name = ?, typing_until = ? WHERE conversation_id = ?",
        ps -> {
          ps.setString(1, agentName);
          dialect.setInstant(ps, 2, Dialect.stored(until));
          ps.setString(3, id);
        });
  }

  @Override
  public void seen(String id, long seq, String agentName) {
    update(
        "UPDATE widget_sessions SET seen_seq = ?, seen_name = ? WHERE conversation_id = ?"
            + " AND (seen_seq IS NULL OR seen_seq < ?)",
        ps -> {
          ps.setLong(1, seq);
          ps.setString(2, agentName);
          ps.setString(3, id);
          ps.setLong(4, seq);
        });
  }

  @Override
  public void close(String id) {
    update("DELETE FROM widget_sessions WHERE conversation_id = ?", ps -> ps.setString(1, id));
  }

  @Override
  public int purgeUnusedSince(Instant cutoff) {
    return update(
        "DELETE FROM widget_sessions WHERE last_used_at < ?",
        ps -> dialect.setInstant(ps, 1, cutoff));
  }

  /** Binds a statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private int update(String sql, Binder binder) {
    return tx.write(
        null,
        "updating widget tokens",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
          }
        });
  }
}
