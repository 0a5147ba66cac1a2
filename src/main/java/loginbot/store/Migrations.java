package loginbot.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings the schema up to date with Flyway at start-up, from {@code db/migration}. Flyway records
 * applied versions in {@code flyway_schema_history} and, on PostgreSQL, locks while it migrates, so
 * instances starting together migrate once.
 */
final class Migrations {
  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  /** Migrates to the newest version. */
  static void migrate(DataSource dataSource, Dialect dialect) {
    migrate(dataSource, dialect, MigrationVersion.LATEST);
  }

  /** Migrates up to {@code target}; tests use it to stand at an older version. */
  static void migrate(DataSource dataSource, Dialect dialect, MigrationVersion target) {
    Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .javaMigrations(new RestKeysMigration())
        .placeholders(dialect.placeholders())
        .target(target)
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
