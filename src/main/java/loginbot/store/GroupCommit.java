package loginbot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Write transactions for a single-writer database (SQLite) that share commits: writers queue their
 * work, and whichever holds the writer lock runs everything queued in one transaction, each work in
 * its own savepoint, then commits once. With synchronous=FULL a commit costs an fsync (~3 ms here),
 * so one commit per turn capped the store at a few hundred turns a second; concurrent turns now
 * share it. A caller returns only after the commit that contains its work; a work that throws is
 * rolled back alone; a failed commit fails every work of its batch (none was stored).
 *
 * <p>The writer keeps one connection and its prepared statements from batch to batch (SQLite's page
 * cache stays warm, nothing is parsed twice), and a caller whose work another writer committed
 * returns without taking the lock: waiters are woken by their own result, not in a line.
 */
final class GroupCommit implements AutoCloseable {
  /** Upper bound on works per commit, so the first caller of a long queue is not kept waiting. */
  static final int MAX_BATCH = 64;

  private static final long SAFETY_NET_NANOS = 100_000_000L;

  private final Opener opener;
  private final ReentrantLock writer;
  private final Consumer<Connection> discard;
  private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

  // Guarded by the writer lock.
  private Statements statements;
  private long commits;
  private boolean closed;

  /** Opens a connection in autocommit mode, for the writer to keep. */
  @FunctionalInterface
  interface Opener {
    Connection open() throws SQLException;
  }

  /** Work on the writer's connection, through its prepared statements. */
  @FunctionalInterface
  interface Work<T> {
    T run(Statements statements) throws SQLException;
  }

  /**
   * @param writer held while a batch runs; a test may hold it to make works queue
   * @param discard takes a connection out of the pool, and closes it, after the database failed on
   *     it (a full disk may end SQLite's transaction behind the driver's back)
   */
  GroupCommit(Opener opener, ReentrantLock writer, Consumer<Connection> discard) {
    this.opener = opener;
    this.writer = writer;
    this.discard = discard;
  }

  <T> T run(Work<T> work) throws SQLException {
    Pending<T> mine = new Pending<>(work, Thread.currentThread());
    queue.add(mine);
    boolean interrupted = false;
    while (!mine.done) {
      if (writer.tryLock()) {
        try {
          while (!mine.done) {
            commitBatch();
          }
        } finally {
          writer.unlock();
          // Works queued during our last batch have nobody committing them: wake one to do it.
          Pending<?> next = queue.peek();
          if (next != null) {
            LockSupport.unpark(next.caller);
          }
        }
      } else {
        // Woken when our work is done, or when the writer leaves with works still queued. The
        // timeout is a safety net only (a lock held from outside, as tests do): a wake-up costs
        // CPU, so it must not fire while batches run normally.
        LockSupport.parkNanos(this, SAFETY_NET_NANOS);
        // Like the lock it replaces, the wait is not interruptible; an interrupt kept set would
        // make every park return at once, a spin until the work is done.
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return mine.result();
  }

  /** Works waiting for a commit (for tests). */
  int queued() {
    return queue.size();
  }

  /** Commits so far (for tests). */
  long commits() {
    writer.lock();
    try {
      return commits;
    } finally {
      writer.unlock();
    }
  }

  /** Gives the writer's connection back; later writes fail. */
  @Override
  public void close() {
    writer.lock();
    try {
      closed = true;
      if (statements != null) {
        statements.close();
        closeQuietly(statements.connection());
        statements = null;
      }
    } finally {
      writer.unlock();
    }
  }

  private void commitBatch() {
    List<Pending<?>> batch = new ArrayList<>();
    for (Pending<?> p = queue.poll();
        p != null;
        p = batch.size() < MAX_BATCH - 1 ? queue.poll() : null) {
      batch.add(p);
    }
    boolean inDoubt = false;
    try {
      begin();
      for (Pending<?> p : batch) {
        p.runIn(statements);
      }
      statements.run("COMMIT");
      commits++;
      inDoubt = batch.stream().anyMatch(Pending::failedInDatabase);
    } catch (SQLException | RuntimeException e) {
      rollback(e);
      inDoubt = true;
      batch.forEach(p -> p.failCommit(e));
    } finally {
      if (inDoubt) {
        forgetConnection();
      }
      for (Pending<?> p : batch) {
        p.done = true;
        LockSupport.unpark(p.caller);
      }
    }
  }

  /**
   * Starts the batch's transaction, on the kept connection or a new one. A kept connection that
   * cannot start one is replaced once: nothing was written on it yet.
   */
  private void begin() throws SQLException {
    if (closed) {
      throw new SQLException("the store is closed");
    }
    boolean kept = statements != null;
    if (!kept) {
      statements = Statements.cached(opener.open());
    }
    try {
      statements.run("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      forgetConnection();
      if (!kept) {
        throw e;
      }
      statements = Statements.cached(opener.open());
      statements.run("BEGIN IMMEDIATE");
    }
  }

  private void rollback(Exception cause) {
    if (statements == null) {
      return;
    }
    try {
      statements.run("ROLLBACK");
    } catch (SQLException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  /** Drops the kept connection after the database failed on it; the next batch opens another. */
  private void forgetConnection() {
    if (statements != null) {
      statements.close();
      discard.accept(statements.connection());
      statements = null;
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Returned to the pool, which drops it if it is broken.
    }
  }

  /**
   * One caller's work and, once its batch committed or failed, its outcome. Written under the
   * writer lock; {@code done} is read by the caller without it.
   */
  private static final class Pending<T> {
    private final Work<T> work;
    private final Thread caller;
    private T value;
    private Throwable failure;
    volatile boolean done;

    Pending(Work<T> work, Thread caller) {
      this.work = work;
      this.caller = caller;
    }

    void runIn(Statements statements) throws SQLException {
      statements.run("SAVEPOINT work");
      try {
        value = work.run(statements);
        statements.run("RELEASE work");
      } catch (SQLException | RuntimeException | Error e) {
        failure = e;
        try {
          statements.run("ROLLBACK TO work");
          statements.run("RELEASE work");
        } catch (SQLException rollbackFailed) {
          e.addSuppressed(rollbackFailed);
          throw rollbackFailed;
        }
      }
    }

    /** The work failed on an SQL error, which may have left the connection in doubt. */
    boolean failedInDatabase() {
      return failure instanceof SQLException;
    }

    void failCommit(Exception e) {
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
