package loginbot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Write transactions for a single-writer database (SQLite) that share commits: writers queue their
 * work, and whichever holds the writer lock runs everything queued in one transaction, each work in
 * its own savepoint, then commits once. With synchronous=FULL a commit costs an fsync (~3 ms here),
 * so one commit per turn capped the store at a few hundred turns a second; concurrent turns now
 * share it. A caller returns only after the commit that contains its work, as before; a work that
 * throws is rolled back alone; a failed commit fails every work of its batch (none was stored).
 */
final class GroupCommit {
  /** Upper bound on works per commit, so the first caller of a long queue is not kept waiting. */
  static final int MAX_BATCH = 64;

  private final DataSource dataSource;
  private final ReentrantLock writer;
  private final Consumer<Connection> discard;
  private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

  /**
   * @param discard takes a connection out of the pool, and closes it, after the database failed on
   *     it (a full disk may end SQLite's transaction behind the driver's back)
   */
  GroupCommit(DataSource dataSource, ReentrantLock writer, Consumer<Connection> discard) {
    this.dataSource = dataSource;
    this.writer = writer;
    this.discard = discard;
  }

  /** Hands out connections already inside a transaction, so the caller can retry a dead one. */
  @FunctionalInterface
  interface Begin {
    Connection open() throws SQLException;
  }

  <T> T run(Transactions.Work<T> work, Begin begin) throws SQLException {
    Pending<T> mine = new Pending<>(work);
    queue.add(mine);
    writer.lock();
    try {
      // Another writer may have committed our work while we waited for the lock.
      while (!mine.done) {
        commitBatch(begin);
      }
    } finally {
      writer.unlock();
    }
    return mine.result();
  }

  /** Works waiting for a commit (for tests). */
  int queued() {
    return queue.size();
  }

  private void commitBatch(Begin begin) {
    List<Pending<?>> batch = new ArrayList<>();
    for (Pending<?> p = queue.poll();
        p != null;
        p = batch.size() < MAX_BATCH - 1 ? queue.poll() : null) {
      batch.add(p);
    }
    Connection c;
    try {
      c = begin.open();
    } catch (SQLException e) {
      // No connection or no transaction: nothing of this batch ran.
      batch.forEach(p -> p.failCommit(e));
      batch.forEach(p -> p.done = true);
      return;
    }
    boolean inDoubt = false;
    try {
      for (Pending<?> p : batch) {
        p.runIn(c);
      }
      c.commit();
      inDoubt = batch.stream().anyMatch(Pending::failedInDatabase);
    } catch (SQLException e) {
      rollback(c, e);
      inDoubt = true;
      batch.forEach(p -> p.failCommit(e));
    } finally {
      // A discarded connection is closed by the pool; closing it again here would fail.
      if (inDoubt) {
        discard.accept(c);
      } else {
        close(c);
      }
      batch.forEach(p -> p.done = true);
    }
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Returned to the pool, which drops it if it is broken; the batch committed already.
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  /**
   * One caller's work and, once its batch committed or failed, its outcome. Guarded by the writer
   * lock.
   */
  private static final class Pending<T> {
    private final Transactions.Work<T> work;
    private T value;
    private Throwable failure;
    boolean done;

    Pending(Transactions.Work<T> work) {
      this.work = work;
    }

    void runIn(Connection c) throws SQLException {
      Savepoint savepoint = c.setSavepoint();
      try {
        value = work.run(c);
        c.releaseSavepoint(savepoint);
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback(savepoint);
        } catch (SQLException rollbackFailed) {
          e.addSuppressed(rollbackFailed);
          failure = e;
          throw rollbackFailed;
        }
        failure = e;
      }
    }

    /** The work failed on an SQL error, which may have left the connection in doubt. */
    boolean failedInDatabase() {
      return failure instanceof SQLException;
    }

    void failCommit(SQLException e) {
      if (failure == null) {
        failure = e;
        value = null;
      }
    }

    T result() throws SQLException {
      if (failure instanceof SQLException e) {
        throw e;
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return value;
    }
  }
}
