package loginbot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway at start-up, from {@code db/migration}. Flyway records
 * applied versions in {@code flyway_schema_history} and, on PostgreSQL, locks while it migrates, so
 * instances starting together migrate once. A restart usually finds the schema current: that is
 * checked first, with one query, and Flyway (whose own start costs more than the rest of opening
 * the store) runs only when something is to be done or looks wrong.
 */
final class Migrations {
  static final String LOCATION = "classpath:db/migration";

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  /** Migrations written in Java, beside the SQL scripts. */
  private static final List<JavaMigration> JAVA_MIGRATIONS = List.of(new RestKeysMigration());

  /** What opening the store did to the schema. */
  enum Outcome {
    /** Every script is applied, successfully and unchanged: Flyway was not needed. */
    ALREADY_CURRENT,
    /** Flyway ran: it migrated, or validated and found nothing to do. */
    MIGRATED_BY_FLYWAY
  }

  private Migrations() {}

  /** Migrates to the newest version. */
  static Outcome migrate(DataSource dataSource, Dialect dialect) {
    return migrate(dataSource, dialect, MigrationVersion.LATEST);
  }

  /** Migrates up to {@code target}; tests use it to stand at an older version. */
  static Outcome migrate(DataSource dataSource, Dialect dialect, MigrationVersion target) {
    if (target.equals(MigrationVersion.LATEST)) {
      try (Connection c = dataSource.getConnection()) {
        if (isCurrent(c)) {
          log.info("schema is current: every migration is applied, Flyway is not needed");
          return Outcome.ALREADY_CURRENT;
        }
      } catch (SQLException e) {
        // Flyway gets the same connection problem and reports it.
      }
    }
    Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .javaMigrations(JAVA_MIGRATIONS.toArray(JavaMigration[]::new))
        .placeholders(dialect.placeholders())
        .target(target)
        .failOnMissingLocations(true)
        .load()
        .migrate();
    return Outcome.MIGRATED_BY_FLYWAY;
  }

  /**
   * True when the history holds exactly the shipped scripts, each applied successfully with the
   * checksum Flyway would compute today. Anything else (no history yet, a new script, a failed or
   * edited one, a row this check does not know) is left to Flyway, which migrates or reports it.
   */
  static boolean isCurrent(Connection c) {
    Map<String, Integer> shipped = MigrationScripts.checksumsByVersion();
    if (shipped.isEmpty()) {
      return false;
    }
    Set<String> java = new HashSet<>();
    JAVA_MIGRATIONS.forEach(m -> java.add(m.getVersion().getVersion()));
    Map<String, Integer> applied = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, type, checksum, success FROM flyway_schema_history"
                    + " ORDER BY installed_rank")) {
      while (rs.next()) {
        String version = rs.getString(1);
        String type = rs.getString(2);
        int checksum = rs.getInt(3);
        boolean sql = !rs.wasNull() && "SQL".equals(type) && version != null;
        // A Java migration has no checksum to compare: its version is enough.
        boolean javaMigration = "JDBC".equals(type) && java.contains(version);
        if (!(sql || javaMigration) || !rs.getBoolean(4)) {
          return false;
        }
        if ((sql && applied.put(version, checksum) != null)
            || (javaMigration && !java.remove(version))) {
          return false;
        }
      }
    } catch (SQLException e) {
      // No history table (a new database) or an unreadable one: Flyway knows what to do.
      return false;
    }
    return applied.equals(shipped) && java.isEmpty();
  }
}
