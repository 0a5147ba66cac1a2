package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import loginbot.dialogue.ConversationState;
import loginbot.nlu.Language;
import loginbot.store.InMemoryStore;
import loginbot.store.StoreUnavailableException;
import loginbot.store.TurnWrite;
import org.junit.jupiter.api.Test;

class TimedStoreTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void every_operation_is_timed_and_still_reaches_the_real_store() {
    var store = new TimedStore(new InMemoryStore(Clock.systemUTC()), registry);

    store.runTurn(
        "c1",
        "rest",
        "m1",
        current ->
            new TurnWrite(
                ConversationState.initial(Language.EN),
                List.of(),
                Optional.empty(),
                List.of(),
                List.of()));
    var found = store.find("c1");

    assertThat(found).isPresent();
    assertThat(
            registry
                .get("loginbot.store.latency")
                .tags("op", "runTurn", "outcome", "ok")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("loginbot.store.latency")
                .tags("op", "find", "outcome", "ok")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void a_failing_operation_is_timed_as_an_error_and_the_failure_passes_through() {
    var store = new TimedStore(new DownStore(), registry);

    assertThatThrownBy(() -> store.find("c1")).isInstanceOf(StoreUnavailableException.class);

    assertThat(
            registry
                .get("loginbot.store.latency")
                .tags("op", "find", "outcome", "error")
                .timer()
                .count())
        .isEqualTo(1);
  }
}
