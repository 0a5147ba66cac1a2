package loginbot.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An empty embedded database at the newest schema, migrated by Flyway at build time and shipped in
 * the jar. A new DATA_DIR starts from a copy of it instead of running Flyway, whose start and nine
 * migrations were about a quarter of a first start's CPU. The copy is what Flyway itself wrote
 * (schema and history), so the usual check at start finds it current; a copy older than the scripts
 * (a build that skipped the step) is migrated by Flyway as any older database would be.
 */
public final class FreshSchema {
  /** Inside the classes directory, and so inside the jar. */
  static final String RESOURCE = "db/fresh-schema.sqlite";

  private static final Logger log = LoggerFactory.getLogger(FreshSchema.class);

  private FreshSchema() {}

  /**
   * Puts the shipped empty database at {@code file} unless a file is there already; without the
   * resource, or when the copy fails, leaves the creation to SQLite and Flyway as before.
   */
  static void copyIfAbsent(Path file) {
    if (Files.exists(file)) {
      return;
    }
    try (InputStream in = FreshSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return;
      }
      Path partial = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".partial");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        // On disk before it gets its name: a crash never leaves a half-copied database behind.
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        Files.move(partial, file);
        log.info("new database {}: a copy of the empty one built into the jar", file);
      } catch (FileAlreadyExistsException createdMeanwhile) {
        // Someone else created the database first: theirs is used.
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      log.warn("cannot copy the shipped empty database ({}); creating the schema instead", e);
    }
  }

  /** Whether {@code file} was written after the last change to any migration script. */
  static boolean newerThanEveryScript(Path file, Path scripts) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isDirectory(scripts)) {
      return false;
    }
    FileTime written = Files.getLastModifiedTime(file);
    try (var files = Files.list(scripts)) {
      for (Path script : files.toList()) {
        if (Files.getLastModifiedTime(script).compareTo(written) >= 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The build step ({@code process-classes}): migrates a new database with Flyway and writes it
   * under the classes directory given, unless the one there is newer than every script.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: FreshSchema CLASSES_DIR");
    }
    Path target = Path.of(args[0]).resolve(RESOURCE);
    if (newerThanEveryScript(target, Path.of(args[0]).resolve("db/migration"))) {
      return; // Flyway's start and nine migrations were a second of every build
    }
    Files.createDirectories(target.getParent());
    Path work = Files.createTempDirectory("loginbot-fresh-schema-");
    try {
      Path file = work.resolve(Stores.SQLITE_FILE);
      Stores.sqliteWithoutTemplate(file, Clock.systemUTC(), MigrationVersion.LATEST).close();
      // Closing the last connection checkpoints the write-ahead log into the file.
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      try (var files = Files.list(work)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(work);
    }
  }
}
