package loginbot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import loginbot.dialogue.Action;
import loginbot.dialogue.Button;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;

/**
 * Reads and writes the store's rows: JSON for state and packets, plain columns derived from them.
 */
final class Rows {
  static final String CONVERSATION_COLUMNS = "id, channel, state, handoff, created_at, updated_at";
  static final String TRANSCRIPT_COLUMNS =
      "seq, at, author, name, text, buttons, intent, confidence, understood";
  private static final TypeReference<List<Button>> BUTTONS = new TypeReference<>() {};
  private static final TypeReference<List<Action.Reply>> REPLIES = new TypeReference<>() {};

  private final Dialect dialect;
  private final ObjectMapper json;

  Rows(Dialect dialect, ObjectMapper json) {
    this.dialect = dialect;
    this.json = json;
  }

  ConversationRecord conversation(ResultSet rs) throws SQLException {
    String handoff = rs.getString("handoff");
    return new ConversationRecord(
        rs.getString("id"),
        rs.getString("channel"),
        read(rs.getString("state"), ConversationState.class),
        handoff == null ? Optional.empty() : Optional.of(read(handoff, HandoffPacket.class)),
        dialect.getInstant(rs, "created_at"),
        dialect.getInstant(rs, "updated_at"));
  }

  Optional<ConversationRecord> findConversation(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + CONVERSATION_COLUMNS + " FROM conversations WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(conversation(rs)) : Optional.empty();
      }
    }
  }

  void insertConversation(Connection c, ConversationRecord r) throws SQLException {
    String sql =
        "INSERT INTO conversations (status, role, language, case_id, resolved, helpful, rating,"
            + " state, handoff, handoff_at, updated_at, channel, created_at, id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = bindChangingColumns(ps, r);
      ps.setString(i++, r.channel());
      dialect.setInstant(ps, i++, r.createdAt());
      ps.setString(i, r.id());
      ps.executeUpdate();
    }
  }

  void updateConversation(Connection c, ConversationRecord r) throws SQLException {
    String sql =
        "UPDATE conversations SET status = ?, role = ?, language = ?, case_id = ?, resolved = ?,"
            + " helpful = ?, rating = ?, state = ?, handoff = ?, handoff_at = ?, updated_at = ? WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = bindChangingColumns(ps, r);
      ps.setString(i, r.id());
      ps.executeUpdate();
    }
  }

  private int bindChangingColumns(PreparedStatement ps, ConversationRecord r) throws SQLException {
    ConversationState s = r.state();
    int i = 1;
    ps.setString(i++, s.status().code());
    ps.setString(i++, s.role() == null ? null : s.role().code());
    ps.setString(i++, s.language() == null ? null : s.language().code());
    ps.setString(i++, s.caseId());
    ps.setBoolean(i++, s.resolved());
    setNullable(ps, i++, s.helpful(), Types.BOOLEAN);
    setNullable(ps, i++, s.rating(), Types.INTEGER);
    ps.setString(i++, write(s));
    ps.setString(i++, r.handoff().map(this::write).orElse(null));
    dialect.setInstant(ps, i++, r.handoff().map(HandoffPacket::at).orElse(null));
    dialect.setInstant(ps, i++, r.updatedAt());
    return i;
  }

  long lastSeq(Connection c, String conversationId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(MAX(seq), 0) FROM transcript WHERE conversation_id = ?")) {
      ps.setString(1, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  void insertTranscript(Connection c, String conversationId, List<TranscriptEntry> entries)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO transcript (conversation_id, "
                + TRANSCRIPT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (TranscriptEntry e : entries) {
        ps.setString(1, conversationId);
        ps.setLong(2, e.seq());
        dialect.setInstant(ps, 3, e.at());
        ps.setString(4, e.author().name());
        ps.setString(5, e.name());
        ps.setString(6, e.text());
        ps.setString(7, write(e.buttons()));
        ps.setString(8, e.intent());
        setNullable(ps, 9, e.confidence(), Types.DOUBLE);
        ps.setBoolean(10, e.understood());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  TranscriptEntry transcriptEntry(ResultSet rs) throws SQLException {
    double confidence = rs.getDouble("confidence");
    return new TranscriptEntry(
        rs.getLong("seq"),
        dialect.getInstant(rs, "at"),
        TranscriptEntry.Author.valueOf(rs.getString("author")),
        rs.getString("name"),
        rs.getString("text"),
        read(rs.getString("buttons"), BUTTONS),
        rs.getString("intent"),
        rs.wasNull() ? null : confidence,
        rs.getBoolean("understood"));
  }

  Optional<List<Action.Reply>> processedReplies(
      Connection c, String conversationId, String messageId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT replies FROM processed_messages WHERE conversation_id = ? AND message_id = ?")) {
      ps.setString(1, conversationId);
      ps.setString(2, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs.getString(1), REPLIES)) : Optional.empty();
      }
    }
  }

  void insertProcessed(
      Connection c, String conversationId, String messageId, List<Action.Reply> replies, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO processed_messages (conversation_id, message_id, replies, at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, conversationId);
      ps.setString(2, messageId);
      ps.setString(3, write(replies));
      dialect.setInstant(ps, 4, at);
      ps.executeUpdate();
    }
  }

  static void setNullable(PreparedStatement ps, int index, Object value, int sqlType)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, sqlType);
    } else {
      ps.setObject(index, value, sqlType);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored " + type.getSimpleName() + " is not readable: " + e.getOriginalMessage(), e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
