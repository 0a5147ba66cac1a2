package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import loginbot.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue in front of PostgreSQL: a bounded wait, first come first served, then a clear no. */
class BoundedStoreTest {
  private final MutableClock clock = new MutableClock();
  private final InMemoryStore memory = new InMemoryStore(clock);
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    callers.shutdown();
    assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void a_request_beyond_the_running_and_the_waiting_ones_is_refused_at_once() throws Exception {
    // given one turn running (held inside the store) and one waiting
    BoundedStore store = new BoundedStore(memory, 1, 1, Duration.ofMinutes(1));
    Future<TurnResult> running = callers.submit(() -> heldTurn(store, "c1"));
    awaitQueued(store, 0, running);
    Future<TurnResult> waiting = callers.submit(() -> turn(store, "c2", "m1"));
    awaitQueued(store, 1, waiting);

    // when a third request comes, while the first is still held
    // then it is refused without waiting for the others, with a retry hint
    assertThatThrownBy(() -> store.find("c3"))
        .isInstanceOf(StoreBusyException.class)
        .isInstanceOf(StoreUnavailableException.class)
        .satisfies(e -> assertThat(((StoreBusyException) e).retryAfterSeconds()).isEqualTo(1));
    assertThat(running).isNotDone();

    // and once the store is free, the admitted ones complete and the refusal took no place
    release.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS).duplicate()).isFalse();
    assertThat(waiting.get(10, TimeUnit.SECONDS).duplicate()).isFalse();
    assertThat(store.find("c1")).isPresent();
    assertThat(store.find("c2")).isPresent();
  }

  @Test
  void a_request_waits_no_longer_than_the_maximum_wait() throws Exception {
    // given the only running place held
    BoundedStore store = new BoundedStore(memory, 1, 10, Duration.ofMillis(50));
    Future<TurnResult> running = callers.submit(() -> heldTurn(store, "c1"));
    awaitQueued(store, 0, running);

    // when / then
    assertThatThrownBy(() -> store.transcript("c1", 0))
        .isInstanceOf(StoreBusyException.class)
        .hasMessageContaining("within 50 ms");
    assertThat(running).isNotDone();
  }

  @Test
  void waiting_requests_run_in_the_order_they_arrived() throws Exception {
    // given one turn held, then three turns queued one after the other
    BoundedStore store = new BoundedStore(memory, 1, 3, Duration.ofMinutes(1));
    Future<TurnResult> running = callers.submit(() -> heldTurn(store, "c0"));
    awaitQueued(store, 0, running);
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> queued = new ArrayList<>();
    for (String id : List.of("a", "b", "c")) {
      queued.add(
          callers.submit(() -> store.runTurn(id, "test", null, current -> write(order, id))));
      awaitQueued(store, queued.size(), queued.get(queued.size() - 1));
    }

    // when
    release.countDown();
    for (Future<?> f : queued) {
      f.get(10, TimeUnit.SECONDS);
    }

    // then
    assertThat(order).containsExactly("a", "b", "c");
  }

  @Test
  void background_work_does_not_queue_behind_requests(@TempDir Path dir) throws Exception {
    // given every place taken, on a real database that serves reads beside a running turn
    try (JdbcStore sqlite = Stores.sqlite(dir.resolve("loginbot.db"), clock)) {
      BoundedStore store = new BoundedStore(sqlite, 1, 0, Duration.ofMinutes(1));
      Future<TurnResult> running = callers.submit(() -> heldTurn(store, "c1"));
      awaitQueued(store, 0, running);
      assertThatThrownBy(() -> store.find("c1")).isInstanceOf(StoreBusyException.class);

      // when / then: the outbox dispatcher and the readiness check still get through
      assertThat(store.dueOutbox(clock.instant(), 10)).isEmpty();
      store.checkReady();
      assertThat(running).isNotDone();
      release.countDown();
      running.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void refused_and_finished_requests_give_their_places_back() throws Exception {
    // given a store full once (two turns held), with refusals
    BoundedStore store = new BoundedStore(memory, 2, 0, Duration.ofMillis(20));
    Future<TurnResult> first = callers.submit(() -> heldTurn(store, "c1"));
    Future<TurnResult> second = callers.submit(() -> heldTurn(store, "c2"));
    awaitRunning(store, 2, first, second);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> store.runTurn("x", "test", null, c -> write(new ArrayList<>(), "x")))
          .isInstanceOf(StoreBusyException.class);
    }
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);

    // when / then: two requests at once are admitted again
    CountDownLatch both = new CountDownLatch(2);
    List<Future<Boolean>> pair = new ArrayList<>();
    for (String id : List.of("p", "q")) {
      pair.add(
          callers.submit(
              () ->
                  store
                      .runTurn(
                          id,
                          "test",
                          null,
                          c -> {
                            both.countDown();
                            return write(new ArrayList<>(), id);
                          })
                      .duplicate()));
    }
    for (Future<Boolean> f : pair) {
      assertThat(f.get(10, TimeUnit.SECONDS)).isFalse();
    }
    assertThat(both.getCount()).isZero();
  }

  /** A turn that holds its place in the store until the test releases it. */
  private TurnResult heldTurn(ConversationStore store, String id) {
    return store.runTurn(
        id,
        "test",
        null,
        current -> {
          try {
            if (!release.await(30, TimeUnit.SECONDS)) {
              throw new IllegalStateException("never released");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Turns.echo("held", clock.instant()).apply(current);
        });
  }

  private TurnResult turn(ConversationStore store, String id, String messageId) {
    return store.runTurn(id, "test", messageId, Turns.echo("hello", clock.instant()));
  }

  private TurnWrite write(List<String> order, String id) {
    order.add(id);
    return Turns.echo(id, clock.instant()).apply(java.util.Optional.empty());
  }

  private static void awaitRunning(BoundedStore store, int running, Future<?>... callers)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.running() < running) {
      for (Future<?> caller : callers) {
        assertThat(caller).as("a caller ended early").isNotDone();
      }
      assertThat(System.nanoTime()).as("waiting for the callers").isLessThan(deadline);
      Thread.sleep(2);
    }
  }

  /** Waits until {@code waiting} callers wait for a place (the running one has taken its own). */
  private static void awaitQueued(BoundedStore store, int waiting, Future<?> caller)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.waiting() < waiting || store.running() < 1) {
      assertThat(caller).as("the caller ended early").isNotDone();
      assertThat(System.nanoTime()).as("waiting for the queue").isLessThan(deadline);
      Thread.sleep(2);
    }
  }
}
