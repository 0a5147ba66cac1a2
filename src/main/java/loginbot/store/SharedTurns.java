package loginbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import loginbot.dialogue.Action;

/**
 * Turns on PostgreSQL, which instances share, so nothing is kept between turns: each locks the
 * conversation across instances (a transaction-scoped advisory lock) and reads it fresh. Three
 * round trips became two: the lock, the conversation and the message id go in one (separate
 * statements, so the read's snapshot is taken after the lock is granted), and every write of the
 * turn goes in the other with the COMMIT that ends it.
 */
final class SharedTurns {
  private final Transactions tx;
  private final Rows rows;
  private final OutboxTable outbox;
  private final Clock clock;

  SharedTurns(Transactions tx, Rows rows, OutboxTable outbox, Clock clock) {
    this.tx = tx;
    this.rows = rows;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** What the first round trip finds, with the lock held. */
  private record Locked(
      Optional<ConversationRecord> current, Optional<List<Action.Reply>> firstReplies) {}

  TurnResult run(String id, String channel, String messageId, TurnLogic unprepared) {
    TurnLogic logic = unprepared.prepared();
    return tx.write(
        null,
        "running a turn",
        c -> {
          Locked read = lockAndRead(c, id, messageId);
          if (read.firstReplies().isPresent()) {
            return new TurnResult(
                true, read.current().orElse(null), read.firstReplies().get(), List.of());
          }
          TurnPlan plan =
              TurnPlan.of(
                  rows,
                  outbox,
                  id,
                  channel,
                  messageId,
                  read.current(),
                  logic.apply(read.current()),
                  clock.instant());
          writeAndCommit(c, plan.all());
          return plan.result();
        });
  }

  private Locked lockAndRead(Connection c, String id, String messageId) throws SQLException {
    String sql =
        "SELECT pg_advisory_xact_lock(hashtext(?)); "
            + Rows.CONVERSATION_SELECT
            + " WHERE c.id = ?"
            + (messageId == null
                ? ""
                : "; SELECT replies FROM processed_messages"
                    + " WHERE conversation_id = ? AND message_id = ?");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.setString(2, id);
      if (messageId != null) {
        ps.setString(3, id);
        ps.setString(4, messageId);
      }
      try {
        ps.execute();
      } catch (SQLException e) {
        // Nothing is written yet: a connection that died while pooled is swapped for another.
        throw tx.staleIfUnavailable(e);
      }
      ps.getMoreResults();
      Optional<ConversationRecord> current;
      try (ResultSet rs = ps.getResultSet()) {
        current = rs.next() ? Optional.of(rows.conversation(rs)) : Optional.empty();
      }
      Optional<List<Action.Reply>> first = Optional.empty();
      if (messageId != null) {
        ps.getMoreResults();
        try (ResultSet rs = ps.getResultSet()) {
          first = rs.next() ? Optional.of(rows.replies(rs.getString(1))) : Optional.empty();
        }
      }
      return new Locked(current, first);
    }
  }

  /**
   * Sends the statements and the COMMIT in one go; the driver then knows the transaction is over,
   * so the caller's commit costs nothing. A failing statement makes the server skip the rest,
   * COMMIT included, and the caller rolls back.
   */
  private static void writeAndCommit(Connection c, List<Sql> statements) throws SQLException {
    String text = statements.stream().map(Sql::text).collect(Collectors.joining("; ")) + "; COMMIT";
    try (PreparedStatement ps = c.prepareStatement(text)) {
      int next = 1;
      for (Sql s : statements) {
        next = s.binder().bind(ps, next);
      }
      ps.execute();
    }
  }
}
