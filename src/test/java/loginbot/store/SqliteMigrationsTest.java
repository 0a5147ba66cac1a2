package loginbot.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.io.TempDir;

class SqliteMigrationsTest extends MigrationsContract {
  @TempDir Path dir;

  @Override
  protected JdbcStore openAt(MigrationVersion target) {
    return Stores.sqlite(dir.resolve("loginbot.db"), clock, target);
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("loginbot.db"));
  }

  @Override
  protected Dialect dialect() {
    return new Dialect.Sqlite();
  }
}
