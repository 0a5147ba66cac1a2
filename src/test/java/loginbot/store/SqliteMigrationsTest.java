package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

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

  @Test
  void a_restart_on_a_current_schema_leaves_flyway_out() {
    // given
    SQLiteDataSource database = new SQLiteDataSource();
    database.setUrl("jdbc:sqlite:" + dir.resolve("loginbot.db"));

    // when
    Migrations.Outcome first = Migrations.migrate(database, dialect());
    Migrations.Outcome restart = Migrations.migrate(database, dialect());

    // then
    assertThat(first).isEqualTo(Migrations.Outcome.MIGRATED_BY_FLYWAY);
    assertThat(restart).isEqualTo(Migrations.Outcome.ALREADY_CURRENT);
  }
}
