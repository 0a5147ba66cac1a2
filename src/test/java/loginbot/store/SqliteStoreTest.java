package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import loginbot.MutableClock;
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

  static String scalar(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
