package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class FreshSchemaTest {
  @TempDir Path dir;

  @Test
  void a_new_database_file_is_the_shipped_copy_at_the_newest_schema_as_flyway_would_leave_it()
      throws Exception {
    // given
    Path file = dir.resolve(Stores.SQLITE_FILE);

    // when
    FreshSchema.copyIfAbsent(file);

    // then: current without running Flyway, and Flyway itself validates it
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(Migrations.isCurrent(c)).isTrue();
    }
    SQLiteDataSource database = new SQLiteDataSource();
    database.setUrl("jdbc:sqlite:" + file);
    assertThat(
            Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(database)
                .locations(Migrations.LOCATION)
                .javaMigrations(new JavaMigration[] {new RestKeysMigration()})
                .placeholders(new Dialect.Sqlite().placeholders())
                .load()
                .validateWithResult()
                .validationSuccessful)
        .isTrue();
    assertThat(dir).isDirectoryNotContaining("glob:**.partial");
  }

  @Test
  void an_existing_database_file_is_left_as_it_is() throws Exception {
    // given
    Path file = dir.resolve(Stores.SQLITE_FILE);
    Files.writeString(file, "not replaced");

    // when
    FreshSchema.copyIfAbsent(file);

    // then
    assertThat(file).hasContent("not replaced");
  }

  @Test
  void the_build_step_migrates_again_only_after_a_script_changed() throws Exception {
    // given a fresh-schema copy written after the scripts
    Path scripts = Files.createDirectories(dir.resolve("db/migration"));
    Path script = Files.writeString(scripts.resolve("V1__a.sql"), "CREATE TABLE a (x INT);");
    Path copy = Files.writeString(dir.resolve("fresh.sqlite"), "built");
    Files.setLastModifiedTime(script, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(copy, FileTime.fromMillis(2_000_000));

    // when / then: current, until a script is newer (edited, or a new one added)
    assertThat(FreshSchema.newerThanEveryScript(copy, scripts)).isTrue();
    Files.setLastModifiedTime(script, FileTime.fromMillis(3_000_000));
    assertThat(FreshSchema.newerThanEveryScript(copy, scripts)).isFalse();
    assertThat(FreshSchema.newerThanEveryScript(dir.resolve("missing.sqlite"), scripts)).isFalse();
  }
}
