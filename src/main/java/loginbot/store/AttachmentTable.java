package loginbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Attachments in the store's database ({@code attachments}, migration V6). */
final class AttachmentTable implements Attachments {
  private final Transactions tx;
  private final Dialect dialect;

  AttachmentTable(Transactions tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  @Override
  public void put(Stored a) {
    tx.write(
        a.conversationId(),
        "storing an attachment",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO attachments (id, conversation_id, media_type, width, height, bytes,"
                      + " text, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, a.id());
            ps.setString(2, a.conversationId());
            ps.setString(3, a.mediaType());
            ps.setInt(4, a.width());
            ps.setInt(5, a.height());
            ps.setBytes(6, a.bytes());
            ps.setString(7, a.text());
            dialect.setInstant(ps, 8, Dialect.stored(a.at()));
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Stored> find(String conversationId, String attachmentId) {
    return tx.read(
        "reading an attachment",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, conversation_id, media_type, width, height, bytes, text, at"
                      + " FROM attachments WHERE conversation_id = ? AND id = ?")) {
            ps.setString(1, conversationId);
            ps.setString(2, attachmentId);
            return JdbcStore.list(ps, this::stored).stream().findFirst();
          }
        });
  }

  @Override
  public List<Info> list(String conversationId) {
    return tx.read(
        "listing attachments",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, media_type, width, height, length(bytes) AS size, text, at"
                      + " FROM attachments WHERE conversation_id = ? ORDER BY at, id")) {
            ps.setString(1, conversationId);
            return JdbcStore.list(
                ps,
                rs ->
                    new Info(
                        rs.getString("id"),
                        rs.getString("media_type"),
                        rs.getInt("width"),
                        rs.getInt("height"),
                        rs.getInt("size"),
                        rs.getString("text"),
                        dialect.getInstant(rs, "at")));
          }
        });
  }

  private Stored stored(ResultSet rs) throws SQLException {
    return new Stored(
        rs.getString("id"),
        rs.getString("conversation_id"),
        rs.getString("media_type"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getBytes("bytes"),
        rs.getString("text"),
        dialect.getInstant(rs, "at"));
  }
}
