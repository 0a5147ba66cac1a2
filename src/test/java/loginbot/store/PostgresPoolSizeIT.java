package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import loginbot.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATABASE_POOL_SIZE is the number of PostgreSQL connections the store uses at most. */
class PostgresPoolSizeIT {
  private final MutableClock clock = new MutableClock();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch held = new CountDownLatch(2);
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private TestPostgres postgres;
  @TempDir Path dir;

  @BeforeEach
  void createSchema() {
    postgres = TestPostgres.createSchema();
  }

  @AfterEach
  void dropSchema() {
    release.countDown();
    threads.shutdown();
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void with_two_connections_a_third_request_cannot_get_one_while_two_turns_hold_them() {
    try (JdbcStore store = open(2)) {
      List<CompletableFuture<TurnResult>> holding = holdTwoConnections(store);

      assertThatThrownBy(() -> store.find("other")).isInstanceOf(StoreUnavailableException.class);
      release.countDown();
      holding.forEach(turn -> assertThat(turn.join().duplicate()).isFalse());
    }
  }

  @Test
  void with_three_connections_the_third_request_is_served_beside_the_two_turns() {
    try (JdbcStore store = open(3)) {
      List<CompletableFuture<TurnResult>> holding = holdTwoConnections(store);

      assertThat(store.find("other")).isEmpty();
      release.countDown();
      holding.forEach(turn -> assertThat(turn.join().duplicate()).isFalse());
    }
  }

  private JdbcStore open(int poolSize) {
    return Stores.open(Optional.of(postgres.databaseUrlForEnv()), dir, clock, poolSize);
  }

  /** Two turns of two conversations, each holding its connection until the test releases them. */
  private List<CompletableFuture<TurnResult>> holdTwoConnections(JdbcStore store) {
    List<CompletableFuture<TurnResult>> holding = new ArrayList<>();
    for (String id : List.of("c1", "c2")) {
      holding.add(
          CompletableFuture.supplyAsync(
              () ->
                  store.runTurn(
                      id,
                      "test",
                      "m1",
                      current -> {
                        held.countDown();
                        try {
                          release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return Turns.echo("hi", clock.instant()).apply(current);
                      }),
              threads));
    }
    try {
      assertThat(held.await(10, TimeUnit.SECONDS)).as("the turns hold their connections").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return holding;
  }
}
