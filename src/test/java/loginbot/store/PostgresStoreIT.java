package loginbot.store;

import org.junit.jupiter.api.AfterEach;

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
    store.close();
    postgres.close();
  }
}
