package loginbot.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 5: REST conversations move into their own key space ({@code rest:<sender>}, see {@link
 * ConversationKey}), so a REST sender can no longer name another channel's conversation. Every row
 * that points at a moved conversation follows it: the tables are found from the foreign keys to
 * {@code conversations}, so tables added by other versions are moved too.
 */
final class RestKeysMigration implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5");
  }

  @Override
  public String getDescription() {
    return "rest conversation keys";
  }

  @Override
  public Integer getChecksum() {
    return 5;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    List<String[]> children = referencing(c);
    String columns = columnsExceptId(c);
    for (String old : restIds(c)) {
      String moved = ConversationKey.rest(old).value();
      try (PreparedStatement copy =
          c.prepareStatement(
              "INSERT INTO conversations (id, "
                  + columns
                  + ") SELECT ?, "
                  + columns
                  + " FROM conversations WHERE id = ?")) {
        copy.setString(1, moved);
        copy.setString(2, old);
        copy.executeUpdate();
      }
      for (String[] child : children) {
        try (PreparedStatement follow =
            c.prepareStatement(
                "UPDATE " + child[0] + " SET " + child[1] + " = ? WHERE " + child[1] + " = ?")) {
          follow.setString(1, moved);
          follow.setString(2, old);
          follow.executeUpdate();
        }
      }
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
        delete.setString(1, old);
        delete.executeUpdate();
      }
    }
  }

  /**
   * Longest first: {@code rest:x} moves to {@code rest:rest:x} before {@code x} takes its place.
   */
  private static List<String> restIds(Connection c) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM conversations WHERE channel = 'rest'")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    ids.sort((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
    return ids;
  }

  /** {table, column} of every foreign key to {@code conversations.id}. */
  private static List<String[]> referencing(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    List<String[]> children = new ArrayList<>();
    try (ResultSet rs = meta.getExportedKeys(c.getCatalog(), c.getSchema(), "conversations")) {
      while (rs.next()) {
        children.add(
            new String[] {
              rs.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT),
              rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT)
            });
      }
    }
    return children;
  }

  private static String columnsExceptId(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM conversations WHERE 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        String name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
        if (!name.equals("id")) {
          names.add(name);
        }
      }
    }
    return String.join(", ", names);
  }
}
