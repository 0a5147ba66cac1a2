package loginbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One statement of a turn's writes with the values it binds, prepared (JSON written) before any
 * lock is taken, so the store can run a turn's statements one by one (SQLite, in process) or send
 * them together in one round trip (PostgreSQL).
 */
record Sql(String text, Binder binder) {

  /** Binds the statement's values from parameter index {@code first}; returns the next index. */
  @FunctionalInterface
  interface Binder {
    int bind(PreparedStatement ps, int first) throws SQLException;
  }

  /** Runs it alone; returns the update count. */
  int execute(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(text)) {
      binder.bind(ps, 1);
      return ps.executeUpdate();
    }
  }
}
