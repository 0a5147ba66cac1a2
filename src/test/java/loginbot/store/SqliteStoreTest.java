package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import loginbot.MutableClock;
import loginbot.dialogue.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store against the contract, plus what only a file database can show. */
class SqliteStoreTest extends ConversationStoreContract {
  @TempDir Path dir;

  @Override
  protected ConversationStore open(MutableClock clock) {
    return Stores.sqlite(dir.resolve("data").resolve("loginbot.db"), clock);
  }

  @Test
  void data_directory_and_database_are_created_on_first_start_in_wal_mode() throws Exception {
    Path file = dir.resolve("data").resolve("loginbot.db");

    assertThat(file).exists();
    assertThat(scalar(file, "PRAGMA journal_mode")).isEqualTo("wal");
  }

  @Test
  void conversation_survives_closing_and_reopening_the_database() {
    TurnResult first =
        store.runTurn("c1", "rest", "m1", Turns.handoff("human", Turns.packet("help", now())));
    store.close();

    store = open(clock);

    ConversationRecord reopened = store.find("c1").orElseThrow();
    assertThat(reopened.state()).isEqualTo(first.state());
    assertThat(reopened.handoff()).contains(Turns.packet("help", now()));
    assertThat(store.transcript("c1", 0)).isEqualTo(first.appended());
    assertThat(store.runTurn("c1", "rest", "m1", Turns.echo("human", now())).duplicate()).isTrue();
  }

  @Test
  void derived_columns_follow_the_state_for_people_querying_the_database() throws Exception {
    store.runTurn("c1", "rest", "m1", Turns.feedback(false, 2, now()));
    Path file = dir.resolve("data").resolve("loginbot.db");

    String row =
        scalar(
            file,
            "SELECT status || ',' || role || ',' || language || ',' || case_id || ','"
                + " || resolved || ',' || helpful || ',' || rating FROM conversations WHERE id = 'c1'");

    assertThat(row).isEqualTo("closed,customer,en,invalid_credentials,1,0,2");
  }

  @Test
  void a_file_in_place_of_the_data_directory_gives_a_clear_startup_error() throws Exception {
    Path notADir = Files.writeString(dir.resolve("occupied"), "x");

    var thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> Stores.sqlite(notADir.resolve("loginbot.db"), clock));

    assertThat(thrown)
        .isInstanceOf(StoreStartupException.class)
        .hasMessageStartingWith("cannot create the data directory " + notADir);
  }

  @Test
  void the_conversation_kept_in_memory_is_the_one_a_restart_reads() {
    store.runTurn("c1", "widget", "m1", Turns.echo("one", now()));
    store.runTurn("c1", "widget", "m2", Turns.handoff("human", Turns.packet("help", now())));
    store.runTurn("c1", "agent", null, Turns.agentReply("Ana", now()));
    store.runTurn("c1", "agent", null, Turns.status(Status.BOT, now()));
    store.markSeen("c1", 5);
    store.markMailed("c1", 4);
    store.runTurn("c1", "widget", "m3", Turns.newEpisode("/restart", now()));
    store.runTurn("c1", "widget", "m4", Turns.feedback(true, 5, now()));
    ConversationRecord kept = store.find("c1").orElseThrow();
    store.close();

    store = open(clock);

    assertThat(store.find("c1")).contains(kept);
  }

  @Test
  void a_live_conversation_s_next_turn_does_not_read_its_row_again() throws Exception {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));
    execute(file(), "UPDATE conversations SET state = 'not JSON' WHERE id = 'c1'");

    TurnResult second = store.runTurn("c1", "rest", "m2", Turns.echo("two", now()));

    assertThat(second.replies().get(0).text()).isEqualTo("echo 2: two");
    assertThat(Turns.count(store.find("c1").orElseThrow().state())).isEqualTo(2);
  }

  @Test
  void a_row_removed_behind_the_store_s_back_is_read_again_and_the_turn_starts_afresh()
      throws Exception {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));
    execute(file(), "DELETE FROM conversations WHERE id = 'c1'");

    TurnResult next = store.runTurn("c1", "rest", "m2", Turns.echo("two", now()));

    assertThat(next.replies().get(0).text()).isEqualTo("echo 1: two");
    assertThat(store.transcript("c1", 0)).extracting(TranscriptEntry::seq).containsExactly(1L, 2L);
  }

  @Test
  void a_turn_sees_the_seen_position_recorded_since_the_last_turn() {
    store.runTurn("c1", "widget", null, Turns.echo("one", now()));
    store.markSeen("c1", 2);
    AtomicLong seen = new AtomicLong(-1);

    store.runTurn(
        "c1",
        "widget",
        null,
        current -> {
          seen.set(current.orElseThrow().reader().seenSeq());
          return Turns.echo("two", now()).apply(current);
        });

    assertThat(seen).hasValue(2);
  }

  @Test
  void a_message_processed_before_a_restart_writes_nothing_when_it_comes_again() {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));
    store.runTurn("c1", "rest", "m2", Turns.echo("two", now()));
    store.close();
    store = open(clock);

    TurnResult again = store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));

    assertThat(again.duplicate()).isTrue();
    assertThat(again.replies()).extracting(r -> r.text()).containsExactly("echo 1: one");
    assertThat(again.state()).isEqualTo(store.find("c1").orElseThrow().state());
    assertThat(store.transcript("c1", 0)).hasSize(4);
    assertThat(Turns.count(store.find("c1").orElseThrow().state())).isEqualTo(2);
  }

  private Path file() {
    return dir.resolve("data").resolve("loginbot.db");
  }

  private static void execute(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      s.execute("PRAGMA foreign_keys = ON");
      s.executeUpdate(sql);
    }
  }

  static String scalar(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
