package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Concurrent writers sharing one SQLite commit: each work stands or falls on its own. */
class GroupCommitTest {
  @TempDir Path dir;

  private final ReentrantLock writer = new ReentrantLock();
  private SQLiteDataSource dataSource;
  private GroupCommit commits;
  private final List<Connection> opened = new ArrayList<>();

  @BeforeEach
  void database() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve("t.db"));
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (v TEXT NOT NULL)");
    }
    commits = new GroupCommit(this::open, writer, c -> {});
  }

  @AfterEach
  void close() throws SQLException {
    for (Connection c : opened) {
      c.close();
    }
  }

  private Connection open() throws SQLException {
    Connection c = dataSource.getConnection();
    opened.add(c);
    return c;
  }

  private GroupCommit.Work<String> insert(String value) {
    return statements -> {
      try (Statement s = statements.connection().createStatement()) {
        s.execute("INSERT INTO t (v) VALUES ('" + value + "')");
      }
      return value;
    };
  }

  private List<String> stored() throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT v FROM t ORDER BY v")) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private CompletableFuture<String> submit(GroupCommit.Work<String> work) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return commits.run(work);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Holds the writer lock until {@code n} works are queued, so they end up in one batch. */
  private void releaseWhenQueued(int n) throws InterruptedException {
    for (int i = 0; i < 3000 && commits.queued() < n; i++) {
      Thread.sleep(5);
    }
    assertThat(commits.queued()).isEqualTo(n);
    writer.unlock();
  }

  @Test
  void works_queued_together_share_one_commit_and_each_gets_its_own_result() throws Exception {
    writer.lock();
    var a = submit(insert("a"));
    var b = submit(insert("b"));
    var c = submit(insert("c"));
    releaseWhenQueued(3);

    assertThat(
            List.of(
                a.get(30, TimeUnit.SECONDS),
                b.get(30, TimeUnit.SECONDS),
                c.get(30, TimeUnit.SECONDS)))
        .containsExactly("a", "b", "c");
    assertThat(stored()).containsExactly("a", "b", "c");
    assertThat(commits.commits()).isEqualTo(1);
  }

  @Test
  void the_writer_keeps_its_connection_from_one_batch_to_the_next() throws Exception {
    // when three works run one after another
    for (String value : List.of("a", "b", "c")) {
      submit(insert(value)).get(30, TimeUnit.SECONDS);
    }

    // then three commits, on the one connection the writer opened
    assertThat(stored()).containsExactly("a", "b", "c");
    assertThat(commits.commits()).isEqualTo(3);
    assertThat(opened).hasSize(1);
  }

  @Test
  void after_a_failure_in_the_database_the_writer_opens_a_new_connection() throws Exception {
    // given a work that fails in SQLite (no such table), which may leave its connection in doubt
    var broken =
        submit(
            statements -> {
              try (Statement s = statements.connection().createStatement()) {
                s.execute("INSERT INTO missing (v) VALUES ('x')");
              }
              return "x";
            });
    assertThatThrownBy(() -> broken.get(30, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(SQLException.class);

    // when the next work comes
    assertThat(submit(insert("a")).get(30, TimeUnit.SECONDS)).isEqualTo("a");

    // then it ran on a connection of its own, and was stored
    assertThat(opened).hasSize(2);
    assertThat(stored()).containsExactly("a");
  }

  @Test
  void many_concurrent_writers_each_return_once_their_own_work_is_committed() throws Exception {
    // when 200 works are submitted from 16 threads at once
    var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<String>> all = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String value = String.format("v%03d", i);
        all.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return commits.run(insert(value));
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                },
                pool));
      }

      // then every caller got its own value back, and every value was stored exactly once
      for (int i = 0; i < 200; i++) {
        assertThat(all.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(String.format("v%03d", i));
      }
      assertThat(stored()).hasSize(200).doesNotHaveDuplicates();
      assertThat(commits.commits()).isBetween(1L, 200L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_work_that_fails_is_rolled_back_alone_and_its_caller_gets_the_failure() throws Exception {
    writer.lock();
    var a = submit(insert("a"));
    var broken =
        submit(
            c -> {
              insert("half-written").run(c);
              throw new IllegalArgumentException("no such conversation");
            });
    var b = submit(insert("b"));
    releaseWhenQueued(3);

    assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo("b");
    assertThatThrownBy(() -> broken.get(30, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("no such conversation");
    assertThat(stored()).containsExactly("a", "b");
  }

  @Test
  void when_the_transaction_cannot_start_no_work_of_the_batch_is_stored() throws Exception {
    // given a writer that cannot get a connection
    SQLException down = new SQLException("disk I/O error");
    GroupCommit failing =
        new GroupCommit(
            () -> {
              throw down;
            },
            new ReentrantLock(),
            c -> {});

    // when / then
    assertThatThrownBy(() -> failing.run(insert("a"))).isSameAs(down);
    assertThat(stored()).isEmpty();
  }
}
