package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import loginbot.MutableClock;
import loginbot.store.TranscriptEntry.Author;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL going away while the store runs, through a proxy the test cuts and restores. */
class PostgresOutageIT {
  private final MutableClock clock = new MutableClock();
  private TestPostgres postgres;
  private TcpProxy proxy;
  private JdbcStore store;

  @BeforeEach
  void open() throws Exception {
    postgres = TestPostgres.createSchema();
    DatabaseUrl direct = postgres.url();
    proxy = new TcpProxy(direct.host(), direct.port());
    store =
        Stores.postgres(
            new DatabaseUrl(
                "127.0.0.1",
                proxy.port(),
                direct.database(),
                direct.user(),
                direct.password(),
                direct.params()),
            clock);
  }

  @AfterEach
  void close() throws Exception {
    // Null when PostgreSQL is unreachable and the test was skipped.
    if (postgres != null) {
      store.close();
      proxy.close();
      postgres.close();
    }
  }

  @Test
  void while_the_database_is_down_operations_report_unavailable_and_recover_by_themselves_after() {
    store.runTurn("c1", "rest", "m1", Turns.echo("before", clock.instant()));

    proxy.cut();

    assertThatThrownBy(
            () -> store.runTurn("c1", "rest", "m2", Turns.echo("during", clock.instant())))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("PostgreSQL unavailable while running a turn");
    assertThatThrownBy(() -> store.find("c1")).isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(store::checkReady).isInstanceOf(StoreUnavailableException.class);

    proxy.restore();

    awaitRecovery();
    TurnResult retried = store.runTurn("c1", "rest", "m2", Turns.echo("during", clock.instant()));
    assertThat(retried.duplicate()).isFalse();
    assertThat(store.transcript("c1", 0))
        .filteredOn(e -> e.author() == Author.USER)
        .extracting(TranscriptEntry::text)
        .containsExactly("before", "during");
  }

  /** The pool re-creates connections with a back-off of up to a few seconds; each try waits 3 s. */
  private void awaitRecovery() {
    for (int attempt = 1; ; attempt++) {
      try {
        store.checkReady();
        return;
      } catch (StoreUnavailableException e) {
        if (attempt == 10) {
          throw new AssertionError("store did not recover after the database came back", e);
        }
      }
    }
  }

  @Test
  void a_database_down_at_start_gives_one_clear_line() {
    proxy.cut();
    Map<String, String> params = new HashMap<>(postgres.url().params());

    assertThatThrownBy(
            () ->
                Stores.postgres(
                    new DatabaseUrl(
                        "127.0.0.1",
                        proxy.port(),
                        "test",
                        postgres.url().user(),
                        postgres.url().password(),
                        params),
                    clock))
        .isInstanceOf(StoreStartupException.class)
        .hasMessageStartingWith(
            "cannot connect to PostgreSQL at 127.0.0.1:" + proxy.port() + "/test: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void an_unknown_database_is_named_in_the_startup_error() {
    DatabaseUrl url = postgres.url();

    assertThatThrownBy(
            () ->
                Stores.postgres(
                    new DatabaseUrl(
                        url.host(),
                        url.port(),
                        "no_such_db_for_loginbot",
                        url.user(),
                        url.password(),
                        Map.of()),
                    clock))
        .isInstanceOf(StoreStartupException.class)
        .hasMessageContaining("no_such_db_for_loginbot")
        .hasMessageStartingWith("cannot connect to PostgreSQL at ");
  }
}
