package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import loginbot.MutableClock;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many times a turn waits for PostgreSQL, counted on the wire between the store and a real
 * server: the lock with the reads, then the writes with the commit.
 */
class PostgresRoundTripsIT {
  private final MutableClock clock = new MutableClock();
  private TestPostgres postgres;
  private TcpProxy proxy;
  private JdbcStore store;

  @BeforeEach
  void open() throws Exception {
    // The pool checks a connection idle for more than this before lending it: not a turn's cost.
    System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "600000");
    postgres = TestPostgres.createSchema();
    DatabaseUrl direct = postgres.url();
    proxy = new TcpProxy(direct.host(), direct.port());
    DatabaseUrl viaProxy =
        new DatabaseUrl(
            "127.0.0.1",
            proxy.port(),
            direct.database(),
            direct.user(),
            direct.password(),
            direct.params());
    // Two connections, both opened at start (migrations need them), so no round trip of the pool
    // opening another is counted.
    store = Stores.postgres(viaProxy, clock, MigrationVersion.LATEST, 2);
  }

  @AfterEach
  void close() throws Exception {
    System.clearProperty("com.zaxxer.hikari.aliveBypassWindowMs");
    // Null when PostgreSQL is unreachable and the test was skipped.
    if (postgres != null) {
      if (store != null) {
        store.close();
      }
      proxy.close();
      postgres.close();
    }
  }

  @Test
  void a_turn_takes_two_round_trips_whether_it_starts_the_conversation_or_continues_it() {
    store.runTurn("warm-up", "rest", "m1", Turns.echo("hello", clock.instant()));

    long first =
        roundTripsOf(() -> store.runTurn("c1", "rest", "m1", Turns.echo("one", clock.instant())));
    long next =
        roundTripsOf(
            () ->
                store.runTurn(
                    "c1", "rest", "m2", Turns.echoWithOutbox("two", clock.instant(), "p1", "p2")));
    long handoff =
        roundTripsOf(
            () ->
                store.runTurn(
                    "c1",
                    "rest",
                    null,
                    Turns.handoff("human", Turns.packet("help", clock.instant()))));
    long newEpisode =
        roundTripsOf(
            () -> store.runTurn("c1", "rest", "m3", Turns.newEpisode("/restart", clock.instant())));

    assertThat(first).isEqualTo(2);
    assertThat(next).isEqualTo(2);
    assertThat(handoff).isEqualTo(2);
    assertThat(newEpisode).isEqualTo(2);
    assertThat(store.transcript("c1", 0)).hasSize(7);
    assertThat(store.episodes("c1")).hasSize(2);
    assertThat(store.dueOutbox(clock.instant(), 10)).hasSize(1);
  }

  @Test
  void a_message_delivered_again_after_a_restart_is_found_in_the_first_round_trip() {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", clock.instant()));
    store.close();
    store =
        Stores.postgres(
            new DatabaseUrl(
                "127.0.0.1",
                proxy.port(),
                postgres.url().database(),
                postgres.url().user(),
                postgres.url().password(),
                postgres.url().params()),
            clock,
            MigrationVersion.LATEST,
            1);
    store.find("c1");

    long again =
        roundTripsOf(
            () ->
                assertThat(
                        store
                            .runTurn("c1", "rest", "m1", Turns.echo("one", clock.instant()))
                            .duplicate())
                    .isTrue());

    // The lock with the reads, then the commit of a transaction that wrote nothing.
    assertThat(again).isEqualTo(2);
    assertThat(store.transcript("c1", 0)).hasSize(2);
  }

  private long roundTripsOf(Runnable action) {
    long before = proxy.roundTrips();
    action.run();
    return proxy.roundTrips() - before;
  }
}
