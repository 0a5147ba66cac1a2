package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import loginbot.MutableClock;
import org.junit.jupiter.api.Test;

class RetentionJobTest {
  private final MutableClock clock = new MutableClock();
  private final InMemoryStore store = new InMemoryStore(clock);

  @Test
  void a_run_deletes_conversations_idle_for_longer_than_the_retention_period() {
    store.runTurn("idle", "rest", null, Turns.echo("old", clock.instant()));
    clock.advance(Duration.ofDays(60));
    store.runTurn("active", "rest", null, Turns.echo("recent", clock.instant()));
    clock.advance(Duration.ofDays(31));
    RetentionJob job = new RetentionJob(store, clock, Duration.ofDays(90), Duration.ofHours(1));

    int purged = job.runOnce();

    assertThat(purged).isEqualTo(1);
    assertThat(store.find("idle")).isEmpty();
    assertThat(store.find("active")).isPresent();
  }

  @Test
  void retention_must_be_positive() {
    assertThatThrownBy(() -> new RetentionJob(store, clock, Duration.ZERO, Duration.ofHours(1)))
        .hasMessage("retention must be positive, got PT0S");
  }

  @Test
  void starting_twice_is_refused() {
    try (RetentionJob job =
        new RetentionJob(store, clock, Duration.ofDays(90), Duration.ofHours(1))) {
      job.start();

      assertThatThrownBy(job::start).hasMessage("retention job already started");
    }
  }
}
