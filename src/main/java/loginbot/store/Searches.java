package loginbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loginbot.dialogue.Status;

/**
 * The console's reads over many conversations, in SQL: the queue views, page by page, and the
 * history search. Pages use keyset cursors, so a page costs the same however deep it is.
 */
final class Searches {
  /** When a conversation entered the queue; a platform may open one with no packet. */
  private static final String QUEUED_AT = "COALESCE(c.handoff_at, c.updated_at)";

  private final Dialect dialect;
  private final Rows rows;

  Searches(Dialect dialect, Rows rows) {
    this.dialect = dialect;
    this.rows = rows;
  }

  ConversationPage queue(Connection c, QueueQuery q) throws SQLException {
    // The cursor holds the database's own value, so it compares exactly on the next page.
    StringBuilder sql =
        new StringBuilder("SELECT " + QUEUED_AT + " AS queued_at, ")
            .append(Rows.CONVERSATION_SELECT.substring("SELECT ".length()))
            .append(" WHERE c.status = ?");
    List<Object> args = new ArrayList<>(List.of(Status.HANDOFF.code()));
    switch (q.view()) {
      case MINE -> {
        sql.append(" AND c.assignee = ?");
        args.add(q.agent());
      }
      case UNASSIGNED -> sql.append(" AND c.assignee IS NULL");
      case ALL -> {}
    }
    if (q.after() != null) {
      sql.append(" AND (" + QUEUED_AT + " > ? OR (" + QUEUED_AT + " = ? AND c.id > ?))");
      args.add(q.after().at());
      args.add(q.after().at());
      args.add(q.after().id());
    }
    sql.append(" ORDER BY " + QUEUED_AT + ", c.id LIMIT ").append(q.limit() + 1);
    Map<String, Instant> queuedAt = new HashMap<>();
    List<ConversationRecord> found =
        select(
            c,
            sql.toString(),
            args,
            rs -> {
              ConversationRecord r = rows.conversation(rs);
              queuedAt.put(r.id(), dialect.getInstant(rs, "queued_at"));
              return r;
            });
    return ConversationPage.of(found, q.limit(), r -> new PageCursor(queuedAt.get(r.id()), r.id()));
  }

  QueueCounts counts(Connection c, String agent) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*), SUM(CASE WHEN assignee IS NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN assignee = ? THEN 1 ELSE 0 END)"
                + " FROM conversations WHERE status = ?")) {
      ps.setString(1, agent);
      ps.setString(2, Status.HANDOFF.code());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new QueueCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3));
      }
    }
  }

  ConversationPage history(Connection c, HistoryQuery q) throws SQLException {
    StringBuilder sql = new StringBuilder(Rows.CONVERSATION_SELECT).append(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.status() != null) {
      sql.append(" AND c.status = ?");
      args.add(q.status());
    }
    if (q.from() != null) {
      sql.append(" AND c.updated_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      sql.append(" AND c.updated_at < ?");
      args.add(q.to());
    }
    if (q.text() != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM transcript t WHERE t.conversation_id = c.id"
              + " AND LOWER(t.text) LIKE ? ESCAPE '!')");
      args.add(q.likePattern());
    }
    StringBuilder episode = new StringBuilder();
    episodeFilter(episode, args, "x.case_id", q.caseId());
    episodeFilter(episode, args, "x.role", q.role());
    episodeFilter(episode, args, "x.language", q.language());
    if (q.agent() != null) {
      episode.append(" AND (x.agent = ? OR c.assignee = ?)");
      args.add(q.agent());
      args.add(q.agent());
    }
    if (episode.length() > 0) {
      sql.append(" AND EXISTS (SELECT 1 FROM episodes x WHERE x.conversation_id = c.id")
          .append(episode)
          .append(')');
    }
    if (q.after() != null) {
      sql.append(" AND (c.updated_at < ? OR (c.updated_at = ? AND c.id < ?))");
      args.add(q.after().at());
      args.add(q.after().at());
      args.add(q.after().id());
    }
    sql.append(" ORDER BY c.updated_at DESC, c.id DESC LIMIT ").append(q.limit() + 1);
    return ConversationPage.of(
        select(c, sql.toString(), args, rows::conversation),
        q.limit(),
        r -> new PageCursor(r.updatedAt(), r.id()));
  }

  private static void episodeFilter(
      StringBuilder sql, List<Object> args, String column, String value) {
    if (value != null) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private List<ConversationRecord> select(
      Connection c,
      String sql,
      List<Object> args,
      Transactions.RowReader<ConversationRecord> reader)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        Object arg = args.get(i);
        if (arg instanceof Instant at) {
          dialect.setInstant(ps, i + 1, at);
        } else {
          ps.setString(i + 1, (String) arg);
        }
      }
      return JdbcStore.list(ps, reader);
    }
  }
}
