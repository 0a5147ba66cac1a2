package loginbot.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresMigrationsIT extends MigrationsContract {
  private TestPostgres postgres;

  @BeforeEach
  void createSchema() {
    postgres = TestPostgres.createSchema();
  }

  @AfterEach
  void dropSchema() {
    // Null when PostgreSQL is unreachable and the test was skipped.
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected JdbcStore openAt(MigrationVersion target) {
    return Stores.postgres(postgres.url(), clock, target);
  }

  @Override
  protected Connection connect() throws SQLException {
    return postgres.connect();
  }

  @Override
  protected Dialect dialect() {
    return new Dialect.Postgres();
  }
}
