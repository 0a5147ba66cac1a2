package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import loginbot.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {
  private final MutableClock clock = new MutableClock();

  @TempDir Path dir;

  @Test
  void without_database_url_the_embedded_database_is_created_under_the_data_directory() {
    try (JdbcStore store = Stores.open(Optional.empty(), dir.resolve("data"), clock)) {
      store.runTurn("c1", "rest", "m1", Turns.echo("hello", clock.instant()));
    }

    assertThat(dir.resolve("data").resolve(Stores.SQLITE_FILE)).exists();
  }

  @Test
  void a_blank_database_url_counts_as_absent() {
    try (JdbcStore store = Stores.open(Optional.of(" "), dir, clock)) {
      store.checkReady();
    }

    assertThat(dir.resolve(Stores.SQLITE_FILE)).exists();
  }

  @Test
  void unreachable_postgresql_at_start_gives_one_line_naming_where_and_why_without_the_password() {
    assertThatThrownBy(
            () ->
                Stores.open(Optional.of("postgres://bot:s3cret@127.0.0.1:1/loginbot"), dir, clock))
        .isInstanceOf(StoreStartupException.class)
        .hasMessage("cannot connect to PostgreSQL at 127.0.0.1:1/loginbot: Connection refused");
  }

  @Test
  void a_malformed_database_url_is_a_startup_error() {
    assertThatThrownBy(() -> Stores.open(Optional.of("mysql://bot:s3cret@db/loginbot"), dir, clock))
        .isInstanceOf(StoreStartupException.class)
        .hasMessageStartingWith("DATABASE_URL must start with postgres://");
  }
}
