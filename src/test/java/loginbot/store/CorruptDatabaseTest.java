package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Instant;
import loginbot.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedded database file damaged on disk is found at start-up, not by the first request. */
class CorruptDatabaseTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));

  @Test
  void a_file_with_zeroed_interior_pages_stops_start_up_with_one_clear_line(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve(Stores.SQLITE_FILE);
    try (JdbcStore store = Stores.sqlite(file, clock)) {
      for (int i = 0; i < 200; i++) {
        store.runTurn(
            "c" + i,
            "rest",
            "m1",
            Turns.echo("line " + i + " " + "x".repeat(200), clock.instant()));
      }
    }
    zeroPagesAfterTheFirst(file, 4096);

    assertThatThrownBy(() -> Stores.sqlite(file, clock))
        .isInstanceOf(StoreStartupException.class)
        .hasMessageStartingWith("SQLite database " + file.toAbsolutePath() + " is damaged (")
        .hasMessageEndingWith(
            "restore it from a backup, or move it away to start with an empty one")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void a_healthy_file_passes_the_check_and_keeps_its_data(@TempDir Path dir) {
    Path file = dir.resolve(Stores.SQLITE_FILE);
    try (JdbcStore store = Stores.sqlite(file, clock)) {
      store.runTurn("c1", "rest", "m1", Turns.echo("hello", clock.instant()));
    }

    try (JdbcStore reopened = Stores.sqlite(file, clock)) {
      assertThat(reopened.find("c1")).isPresent();
    }
  }

  /** Overwrites every page but the header page with zeros, as a failing disk might. */
  private static void zeroPagesAfterTheFirst(Path file, int pageSize) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long pages = raf.length() / pageSize;
      assertThat(pages).isGreaterThan(4);
      byte[] zeros = new byte[pageSize];
      for (long page = 2; page < pages; page += 2) {
        raf.seek(page * pageSize);
        raf.write(zeros);
      }
    }
  }
}
