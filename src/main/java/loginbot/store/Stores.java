package loginbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the durable store: PostgreSQL when a DATABASE_URL is given, else an SQLite file under the
 * data directory, created on first start. Either way the schema is migrated before it returns.
 */
public final class Stores {
  /** The embedded database's file name inside DATA_DIR. */
  public static final String SQLITE_FILE = "loginbot.db";

  /** How long a request waits for a connection before the store reports itself unavailable. */
  static final long CONNECTION_TIMEOUT_MS = 3000;

  /** PostgreSQL connections per instance unless DATABASE_POOL_SIZE says otherwise. */
  public static final int DEFAULT_POSTGRES_POOL_SIZE = 10;

  static final int SQLITE_POOL_SIZE = 4;

  private Stores() {}

  /**
   * The store the environment asks for.
   *
   * @throws StoreStartupException with a one-line message when it cannot be opened
   */
  public static JdbcStore open(Optional<String> databaseUrl, Path dataDir, Clock clock) {
    return open(databaseUrl, dataDir, clock, DEFAULT_POSTGRES_POOL_SIZE);
  }

  /**
   * Like {@link #open(Optional, Path, Clock)}, with {@code postgresPoolSize} connections when it is
   * PostgreSQL (the embedded store has one writer and a fixed small pool).
   */
  public static JdbcStore open(
      Optional<String> databaseUrl, Path dataDir, Clock clock, int postgresPoolSize) {
    if (isPostgres(databaseUrl)) {
      DatabaseUrl url;
      try {
        url = DatabaseUrl.parse(databaseUrl.get());
      } catch (IllegalArgumentException e) {
        throw new StoreStartupException(e.getMessage(), e);
      }
      return postgres(url, clock, MigrationVersion.LATEST, postgresPoolSize);
    }
    return sqlite(dataDir.resolve(SQLITE_FILE), clock);
  }

  /** Whether {@link #open} opens PostgreSQL for this DATABASE_URL (else the embedded store). */
  public static boolean isPostgres(Optional<String> databaseUrl) {
    return databaseUrl.isPresent() && !databaseUrl.get().isBlank();
  }

  public static JdbcStore postgres(DatabaseUrl url, Clock clock) {
    return postgres(url, clock, MigrationVersion.LATEST);
  }

  public static JdbcStore sqlite(Path file, Clock clock) {
    return sqlite(file, clock, MigrationVersion.LATEST);
  }

  static JdbcStore postgres(DatabaseUrl url, Clock clock, MigrationVersion target) {
    return postgres(url, clock, target, DEFAULT_POSTGRES_POOL_SIZE);
  }

  static JdbcStore postgres(DatabaseUrl url, Clock clock, MigrationVersion target, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("loginbot-postgresql");
    config.setJdbcUrl(url.jdbcUrl());
    url.user().ifPresent(config::setUsername);
    url.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    // Finds connections that died while idle (database restarted) before a request does.
    config.setKeepaliveTime(30_000);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    config.setValidationTimeout(1000);
    // Seconds, for the driver: give up on an unreachable server quickly, and on a silent one
    // (network partition) before the webhook's caller gives up on us.
    config.addDataSourceProperty("connectTimeout", "3");
    config.addDataSourceProperty("socketTimeout", "30");
    config.addDataSourceProperty("ApplicationName", "loginbot");
    // Server error details quote the statement's values (a user's message); errors are logged.
    config.addDataSourceProperty("logServerErrorDetail", "false");
    return open(config, new Dialect.Postgres(), "PostgreSQL at " + url.describe(), clock, target);
  }

  static JdbcStore sqlite(Path file, Clock clock, MigrationVersion target) {
    createDataDirectory(file);
    if (target.equals(MigrationVersion.LATEST)) {
      FreshSchema.copyIfAbsent(file.toAbsolutePath());
    }
    return sqliteWithoutTemplate(file, clock, target);
  }

  private static void createDataDirectory(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreStartupException(
          "cannot create the data directory " + dir + ": " + oneLine(e), e);
    }
  }

  /** A new file gets its schema from Flyway, not from {@link FreshSchema}'s copy. */
  static JdbcStore sqliteWithoutTemplate(Path file, Clock clock, MigrationVersion target) {
    createDataDirectory(file);
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: a turn acknowledged to the channel survives power loss, not only a process crash.
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.setBusyTimeout(5000);
    sqlite.enforceForeignKeys(true);
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    HikariConfig config = new HikariConfig();
    config.setPoolName("loginbot-sqlite");
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(SQLITE_POOL_SIZE);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    String where = "SQLite database " + file.toAbsolutePath();
    return open(config, new Dialect.Sqlite(), where, clock, target, ds -> quickCheck(ds, where));
  }

  /** What must hold before the schema is migrated; throws {@link StoreStartupException}. */
  @FunctionalInterface
  private interface Check {
    void verify(HikariDataSource dataSource);
  }

  /**
   * SQLite's quick integrity check (no index cross-checks, a read of every page): a damaged file
   * stops start-up with one line, rather than a server that looks ready and fails every request.
   */
  static void quickCheck(HikariDataSource dataSource, String where) {
    String problem;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
      problem = rs.next() ? rs.getString(1) : "no answer";
    } catch (SQLException e) {
      problem = oneLine(e);
    }
    if (!"ok".equals(problem)) {
      throw damaged(where, problem);
    }
  }

  private static StoreStartupException damaged(String where, String problem) {
    return new StoreStartupException(
        where
            + " is damaged ("
            + problem.lines().findFirst().orElse(problem)
            + "): restore it from a backup, or move it away to start with an empty one",
        null);
  }

  private static JdbcStore open(
      HikariConfig config, Dialect dialect, String where, Clock clock, MigrationVersion target) {
    return open(config, dialect, where, clock, target, ds -> {});
  }

  private static JdbcStore open(
      HikariConfig config,
      Dialect dialect,
      String where,
      Clock clock,
      MigrationVersion target,
      Check check) {
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      if (oneLine(e).contains("SQLITE_CORRUPT") || oneLine(e).contains("SQLITE_NOTADB")) {
        // A damaged file can fail already when the pool opens its first connection.
        throw damaged(where, oneLine(e));
      }
      throw new StoreStartupException("cannot connect to " + where + ": " + oneLine(e), e);
    }
    try {
      check.verify(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    try {
      Migrations.migrate(dataSource, dialect, target);
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreStartupException(
          "cannot migrate the schema of " + where + ": " + oneLine(e), e);
    }
    return new JdbcStore(dataSource, dialect, new Rows(dialect, StoredJson.newMapper()), clock);
  }

  /**
   * The innermost cause's message on one line: "Connection refused" rather than a pool's wrapper.
   */
  static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root instanceof UnknownHostException) {
      message = "unknown host " + message;
    }
    return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
  }
}
