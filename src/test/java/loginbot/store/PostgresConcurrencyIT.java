package loginbot.store;

import java.util.ArrayList;
import java.util.List;
import loginbot.MutableClock;
import org.junit.jupiter.api.AfterEach;

/** Concurrent turns on PostgreSQL, where the advisory lock does the serialising. */
class PostgresConcurrencyIT extends ConcurrentTurnsContract {
  private final List<TestPostgres> schemas = new ArrayList<>();

  @Override
  protected ConversationStore open(MutableClock clock) {
    TestPostgres postgres = TestPostgres.createSchema();
    schemas.add(postgres);
    return Stores.postgres(postgres.url(), clock);
  }

  @AfterEach
  void dropSchemas() {
    schemas.forEach(TestPostgres::close);
  }
}
