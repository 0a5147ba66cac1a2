package loginbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A connection and the statements run on it. The embedded store's writer keeps one connection and
 * its statements prepared across turns ({@link #cached}): SQLite parses and plans a statement on
 * every prepare, which was a twentieth of a turn's CPU. Elsewhere each statement is prepared and
 * closed ({@link #uncached}). Not thread-safe: one writer at a time.
 */
final class Statements implements AutoCloseable {
  /** More distinct texts than a turn's writes have (multi-row inserts vary with the row count). */
  static final int MAX_CACHED = 64;

  private final Connection connection;
  private final Map<String, PreparedStatement> prepared;

  private Statements(Connection connection, Map<String, PreparedStatement> prepared) {
    this.connection = connection;
    this.prepared = prepared;
  }

  /** Keeps what it prepares until {@link #close}. */
  static Statements cached(Connection connection) {
    return new Statements(connection, new HashMap<>());
  }

  /** Prepares every statement anew and closes it after running it. */
  static Statements uncached(Connection connection) {
    return new Statements(connection, null);
  }

  Connection connection() {
    return connection;
  }

  /** Runs {@code sql} with its values bound; returns the update count. */
  int execute(Sql sql) throws SQLException {
    PreparedStatement kept = kept(sql.text());
    if (kept == null) {
      return sql.execute(connection);
    }
    kept.clearParameters();
    sql.binder().bind(kept, 1);
    return kept.executeUpdate();
  }

  /** Runs a statement without values, such as {@code BEGIN IMMEDIATE} or {@code SAVEPOINT s}. */
  void run(String text) throws SQLException {
    PreparedStatement kept = kept(text);
    if (kept == null) {
      try (PreparedStatement ps = connection.prepareStatement(text)) {
        ps.execute();
      }
      return;
    }
    kept.execute();
  }

  private PreparedStatement kept(String text) throws SQLException {
    if (prepared == null) {
      return null;
    }
    PreparedStatement ps = prepared.get(text);
    if (ps == null && prepared.size() < MAX_CACHED) {
      ps = connection.prepareStatement(text);
      prepared.put(text, ps);
    }
    return ps;
  }

  /** Closes the prepared statements; the connection is its owner's to close. */
  @Override
  public void close() {
    if (prepared == null) {
      return;
    }
    for (PreparedStatement ps : prepared.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        // The connection is being discarded or closed: nothing left to release.
      }
    }
    prepared.clear();
  }
}
