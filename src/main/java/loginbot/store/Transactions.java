package loginbot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Runs work on a pooled connection: reads in autocommit, writes in one transaction that commits or
 * rolls back, under the conversation's lock. Database faults become
 * {@link StoreUnavailableException}; anything else the work throws passes through unchanged.
 */
final class Transactions {
  private final DataSource dataSource;
  private final Dialect dialect;
  private final ReentrantLock singleWriter;

  /** @param singleWriter queues writers in the JVM (SQLite); null to leave it to the database */
  Transactions(DataSource dataSource, Dialect dialect, ReentrantLock singleWriter) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.singleWriter = singleWriter;
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
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(what, e);
    }
  }

  /** One transaction; with a conversation id, holding that conversation's lock throughout. */
  <T> T write(String conversationId, String what, Work<T> work) {
    if (singleWriter != null) {
      singleWriter.lock();
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (conversationId != null) {
          dialect.lockConversation(c, conversationId);
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw translate(what, e);
    } finally {
      if (singleWriter != null) {
        singleWriter.unlock();
      }
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
      return new StoreUnavailableException(dialect.product() + " unavailable while " + what + ": "
          + e.getMessage(), e);
    }
    return new IllegalStateException(dialect.product() + " failed while " + what + ": " + e.getMessage(), e);
  }

  /** Connection failures, timeouts and "busy": worth retrying later, unlike a bad statement. */
  private boolean unavailable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof java.io.IOException) {
        return true;
      }
      if (t instanceof SQLException s && dialect.transientFailure(s)) {
        return true;
      }
    }
    return false;
  }
}
