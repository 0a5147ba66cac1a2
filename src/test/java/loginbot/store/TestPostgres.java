package loginbot.store;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in the machine's PostgreSQL ({@code TEST_DATABASE_URL}, default {@code
 * postgres://postgres@127.0.0.1:5432/test}), dropped on close, so parallel runs never meet. When
 * PostgreSQL is unreachable the test fails under {@code CI=true} and is skipped otherwise.
 */
public final class TestPostgres implements AutoCloseable {
  static final String DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test";

  private final DatabaseUrl admin;
  private final String schema;

  private TestPostgres(DatabaseUrl admin, String schema) {
    this.admin = admin;
    this.schema = schema;
  }

  public static TestPostgres createSchema() {
    String configured = System.getenv().getOrDefault("TEST_DATABASE_URL", DEFAULT_URL);
    DatabaseUrl admin = DatabaseUrl.parse(configured);
    String schema =
        "t_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);
    try (Connection c = connect(admin);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String reason = "PostgreSQL at " + admin.describe() + " is unreachable: " + Stores.oneLine(e);
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason + " (CI=true: PostgreSQL tests must run)");
      }
      Assumptions.abort(reason + " (set CI=true to make this a failure)");
    }
    return new TestPostgres(admin, schema);
  }

  /** The URL of this schema, in the JDBC form. */
  public DatabaseUrl url() {
    Map<String, String> params = new HashMap<>(admin.params());
    params.put("currentSchema", schema);
    return new DatabaseUrl(
        admin.host(), admin.port(), admin.database(), admin.user(), admin.password(), params);
  }

  /** The URL of this schema as an operator would set DATABASE_URL: {@code postgres://...}. */
  public String databaseUrlForEnv() {
    String credentials =
        admin.user().map(u -> u + admin.password().map(p -> ":" + p).orElse("") + "@").orElse("");
    return "postgres://"
        + credentials
        + admin.host()
        + ":"
        + admin.port()
        + "/"
        + admin.database()
        + "?currentSchema="
        + schema;
  }

  public String schema() {
    return schema;
  }

  public Connection connect() throws SQLException {
    return connect(url());
  }

  private static Connection connect(DatabaseUrl url) throws SQLException {
    Properties props = new Properties();
    url.user().ifPresent(u -> props.setProperty("user", u));
    url.password().ifPresent(p -> props.setProperty("password", p));
    props.setProperty("connectTimeout", "3");
    return DriverManager.getConnection(url.jdbcUrl(), props);
  }

  @Override
  public void close() {
    try (Connection c = connect(admin);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not drop test schema " + schema + ": " + e.getMessage(), e);
    }
  }
}
