package loginbot.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Runs work on a pooled connection: reads in autocommit, writes in one transaction that commits or
 * rolls back, under the conversation's lock. Database faults become {@link
 * StoreUnavailableException}; anything else the work throws passes through unchanged.
 *
 * <p>A write that fails in the database (disk full, I/O error, corruption) rolls back and takes its
 * connection out of the pool: SQLite may already have rolled the transaction back itself, and a
 * connection that believes otherwise would fail every later commit. The next write gets a fresh
 * connection, so the store recovers by itself once the cause is gone. Until a write succeeds again,
 * {@link #requireWritable} tries one, which is what {@code /ready} reports.
 */
final class Transactions {
  private final DataSource dataSource;
  private final Dialect dialect;
  private final GroupCommit groupCommit;

  /** Why the last write failed, while none has succeeded since; null when writes work. */
  private volatile String writeFailure;

  /**
   * @param singleWriter queues writers in the JVM (SQLite), which then share commits; null to leave
   *     concurrency to the database
   */
  Transactions(DataSource dataSource, Dialect dialect, ReentrantLock singleWriter) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.groupCommit =
        singleWriter == null
            ? null
            : new GroupCommit(dataSource::getConnection, singleWriter, this::discard);
  }

  /** Work on a connection, allowed to throw SQL errors. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  <T> T read(String what, Work<T> work) {
    try {
      try {
        return readOnce(work);
      } catch (SQLException e) {
        // A pooled connection that died while idle (database restarted) fails once; the pool drops
        // it, so try once more. A timeout waiting for the pool means the database is really down.
        if (e instanceof SQLTransientConnectionException || !unavailable(e)) {
          throw e;
        }
        return readOnce(work);
      }
    } catch (SQLException e) {
      throw translate(what, e);
    }
  }

  /** One transaction; with a conversation id, holding that conversation's lock throughout. */
  <T> T write(String conversationId, String what, Work<T> work) {
    return writeStatements(conversationId, what, s -> work.run(s.connection()));
  }

  /**
   * Like {@link #write}, for work that runs its statements through {@link Statements}: on the
   * embedded store, the writer's prepared ones.
   */
  <T> T writeStatements(String conversationId, String what, GroupCommit.Work<T> work) {
    try {
      T result = writeOnce(conversationId, work);
      writeFailure = null;
      return result;
    } catch (SQLException e) {
      if (!constraintViolation(e)) {
        writeFailure = e.getMessage();
      }
      throw translate(what, e);
    }
  }

  private <T> T writeOnce(String conversationId, GroupCommit.Work<T> work) throws SQLException {
    if (groupCommit != null) {
      // One transaction serves a whole batch of conversations: the JVM lock already orders them
      // all.
      return groupCommit.run(work);
    }
    try {
      return transaction(conversationId, work);
    } catch (StaleConnection e) {
      return transaction(conversationId, work);
    }
  }

  /**
   * Passes while writes work. After a failed write, tries one (a one-row update that must reach the
   * disk) and fails with {@link StoreUnavailableException} if that fails too.
   */
  void requireWritable() {
    if (writeFailure == null) {
      return;
    }
    try {
      write(
          null,
          "checking that writes work",
          c -> {
            try (var ps = c.prepareStatement("UPDATE write_probe SET n = n + 1 WHERE id = 1")) {
              return ps.executeUpdate();
            }
          });
    } catch (RuntimeException e) {
      throw new StoreUnavailableException(dialect.product() + " cannot write: " + writeFailure, e);
    }
  }

  /** Gives back the connection the embedded store's writer keeps; call before closing the pool. */
  void close() {
    if (groupCommit != null) {
      groupCommit.close();
    }
  }

  /** Takes a connection whose transaction went wrong out of the pool, closing it. */
  private void discard(Connection c) {
    if (dataSource instanceof HikariDataSource pool) {
      pool.evictConnection(c);
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      // Already unusable: that is why it is discarded.
    }
  }

  /** A unique or foreign key refused the row: the statement's fault, not the database's. */
  private static boolean constraintViolation(SQLException e) {
    String state = e.getSQLState();
    return (state != null && state.startsWith("23")) || (e.getErrorCode() & 0xff) == 19;
  }

  private <T> T readOnce(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    }
  }

  private <T> T transaction(String conversationId, GroupCommit.Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      begin(c, conversationId);
      try {
        T result = work.run(Statements.uncached(c));
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        // PostgreSQL: the pool itself drops connections the driver reports as broken.
        rollback(c, e);
        throw e;
      }
    }
  }

  /** Nothing is written yet here, so a connection found dead can be swapped for another safely. */
  private void begin(Connection c, String conversationId) throws SQLException {
    try {
      c.setAutoCommit(false);
      if (conversationId != null) {
        dialect.lockConversation(c, conversationId);
      }
    } catch (SQLException e) {
      throw unavailable(e) ? new StaleConnection(e) : e;
    }
  }

  /**
   * For a failure of a turn's first statement, before it wrote anything: a lost connection becomes
   * one the transaction is retried on with another connection; any other error stays as it is.
   */
  SQLException staleIfUnavailable(SQLException e) {
    return unavailable(e) ? new StaleConnection(e) : e;
  }

  /** The connection failed before the transaction wrote anything. */
  private static final class StaleConnection extends SQLException {
    StaleConnection(SQLException cause) {
      super(cause.getMessage(), cause.getSQLState(), cause);
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException suppressed) {
      // The connection is likely gone; the pool discards it and the database rolls back itself.
      cause.addSuppressed(suppressed);
    }
  }

  private RuntimeException translate(String what, SQLException e) {
    if (unavailable(e)) {
      return new StoreUnavailableException(
          dialect.product() + " unavailable while " + what + ": " + e.getMessage(), e);
    }
    return new IllegalStateException(
        dialect.product() + " failed while " + what + ": " + e.getMessage(), e);
  }

  /** Connection failures, timeouts and "busy": worth retrying later, unlike a bad statement. */
  private boolean unavailable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof java.io.IOException) {
        return true;
      }
      if (t instanceof SQLException s && dialect.transientFailure(s)) {
        return true;
      }
    }
    return false;
  }
}
