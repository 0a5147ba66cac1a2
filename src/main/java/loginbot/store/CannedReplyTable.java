package loginbot.store;

import java.sql.PreparedStatement;
import java.util.List;

/** Canned replies in the store's database ({@code canned_replies}, migration V9). */
final class CannedReplyTable implements CannedReplies {
  private final Transactions tx;
  private final Dialect dialect;

  CannedReplyTable(Transactions tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  @Override
  public List<Canned> list() {
    return tx.read(
        "listing canned replies",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT shortcut, text, created_by, created_at FROM canned_replies"
                      + " ORDER BY shortcut")) {
            return JdbcStore.list(
                ps,
                rs ->
                    new Canned(
                        rs.getString("shortcut"),
                        rs.getString("text"),
                        rs.getString("created_by"),
                        dialect.getInstant(rs, "created_at")));
          }
        });
  }

  @Override
  public boolean create(Canned reply) {
    // ON CONFLICT rather than a caught violation: under group commit a failed statement would
    // fail the whole batch.
    return tx.write(
            null,
            "saving a canned reply",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO canned_replies (shortcut, text, created_by, created_at)"
                          + " VALUES (?, ?, ?, ?) ON CONFLICT (shortcut) DO NOTHING")) {
                ps.setString(1, reply.shortcut());
                ps.setString(2, reply.text());
                ps.setString(3, reply.createdBy());
                dialect.setInstant(ps, 4, Dialect.stored(reply.createdAt()));
                return ps.executeUpdate();
              }
            })
        == 1;
  }

  @Override
  public boolean delete(String shortcut) {
    return tx.write(
            null,
            "deleting a canned reply",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("DELETE FROM canned_replies WHERE shortcut = ?")) {
                ps.setString(1, shortcut);
                return ps.executeUpdate();
              }
            })
        == 1;
  }
}
