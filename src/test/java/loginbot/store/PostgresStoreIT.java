package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import loginbot.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store against the contract, each test in a schema of its own. */
class PostgresStoreIT extends ConversationStoreContract {
  private TestPostgres postgres;

  @Override
  protected ConversationStore open(MutableClock clock) {
    if (postgres == null) {
      postgres = TestPostgres.createSchema();
    }
    return Stores.postgres(postgres.url(), clock);
  }

  @AfterEach
  void dropSchema() {
    // Null when PostgreSQL is unreachable and the test was skipped.
    if (postgres != null) {
      store.close();
      postgres.close();
    }
  }

  @Test
  void two_instances_claiming_the_outbox_at_once_never_get_the_same_item() {
    for (int i = 0; i < 200; i++) {
      store.runTurn("c" + i, "chatwoot", "m1", Turns.echoWithOutbox("hi", now(), "p" + i));
    }
    try (ConversationStore other = open(clock)) {

      CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> drain(store));
      CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> drain(other));

      List<String> all = new ArrayList<>(first.join());
      all.addAll(second.join());
      assertThat(all).hasSize(200).doesNotHaveDuplicates();
    }
  }

  /** Claims in small batches until nothing is left, as a dispatcher on one instance would. */
  private List<String> drain(ConversationStore on) {
    List<String> got = new ArrayList<>();
    for (List<OutboxItem> batch = on.claimDueOutbox("send", now(), Duration.ofMinutes(5), 7);
        !batch.isEmpty();
        batch = on.claimDueOutbox("send", now(), Duration.ofMinutes(5), 7)) {
      batch.forEach(item -> got.add(item.payload()));
    }
    return got;
  }
}
