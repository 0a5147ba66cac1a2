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
import loginbot.dialogue.Role;
import loginbot.nlu.Language;

/**
 * Reads and writes the store's rows: JSON for state and packets, plain columns derived from them.
 */
final class Rows {
  private static final List<String> EPISODE_FIELDS =
      List.of(
          "number",
          "started_at",
          "ended_at",
          "outcome",
          "role",
          "language",
          "case_id",
          "resolved",
          "helpful",
          "rating",
          "handoff",
          "first_human_reply_at",
          "agent",
          "first_seq",
          "steps");

  /** The episode columns of table alias {@code e}, each read as {@code ep_<column>}. */
  static final String EPISODE_SELECT =
      String.join(", ", EPISODE_FIELDS.stream().map(f -> "e." + f + " AS ep_" + f).toList());

  /** Conversations ({@code c}) with their current episode ({@code e}); append WHERE/ORDER BY. */
  static final String CONVERSATION_SELECT =
      "SELECT c.id, c.channel, c.state, c.handoff, c.created_at, c.updated_at, c.reader,"
          + " c.last_seq, c.seen_seq, c.mailed_seq, c.assignee, "
          + EPISODE_SELECT
          + " FROM conversations c JOIN episodes e ON e.conversation_id = c.id AND e.number ="
          + " c.episode";

  static final String TRANSCRIPT_COLUMNS =
      "seq, at, author, name, text, buttons, intent, confidence, understood";
  private static final TypeReference<List<Button>> BUTTONS = new TypeReference<>() {};
  private static final TypeReference<List<Action.Reply>> REPLIES = new TypeReference<>() {};
  private static final TypeReference<List<HandoffPacket.StepTried>> STEPS =
      new TypeReference<>() {};

  private final Dialect dialect;
  private final ObjectMapper json;

  Rows(Dialect dialect, ObjectMapper json) {
    this.dialect = dialect;
    this.json = json;
  }

  /** The reader's details as stored in the JSON column; read positions have their own columns. */
  record ReaderDetails(String email, String emailSource, String page, boolean awaitingEmail) {}

  ConversationRecord conversation(ResultSet rs) throws SQLException {
    String handoff = rs.getString("handoff");
    String readerJson = rs.getString("reader");
    ReaderDetails details =
        readerJson == null
            ? new ReaderDetails(null, null, null, false)
            : read(readerJson, ReaderDetails.class);
    return new ConversationRecord(
        rs.getString("id"),
        rs.getString("channel"),
        read(rs.getString("state"), ConversationState.class),
        handoff == null ? Optional.empty() : Optional.of(read(handoff, HandoffPacket.class)),
        dialect.getInstant(rs, "created_at"),
        dialect.getInstant(rs, "updated_at"),
        episode(rs),
        new Reader(
            details.email(),
            details.emailSource(),
            details.page(),
            details.awaitingEmail(),
            rs.getLong("seen_seq"),
            rs.getLong("mailed_seq")),
        rs.getLong("last_seq"),
        rs.getString("assignee"));
  }

  /** An episode read with {@link #EPISODE_SELECT}. */
  Episode episode(ResultSet rs) throws SQLException {
    String handoff = rs.getString("ep_handoff");
    String role = rs.getString("ep_role");
    String language = rs.getString("ep_language");
    boolean resolved = rs.getBoolean("ep_resolved");
    boolean helpful = rs.getBoolean("ep_helpful");
    Boolean helpfulOrNull = rs.wasNull() ? null : helpful;
    int rating = rs.getInt("ep_rating");
    Integer ratingOrNull = rs.wasNull() ? null : rating;
    return new Episode(
        rs.getInt("ep_number"),
        dialect.getInstant(rs, "ep_started_at"),
        dialect.getInstant(rs, "ep_ended_at"),
        Episode.Outcome.fromCode(rs.getString("ep_outcome")),
        role == null ? null : Role.fromCode(role).orElse(null),
        language == null ? null : Language.fromCode(language).orElse(null),
        rs.getString("ep_case_id"),
        resolved,
        read(rs.getString("ep_steps"), STEPS),
        handoff == null ? null : read(handoff, HandoffPacket.class),
        dialect.getInstant(rs, "ep_first_human_reply_at"),
        rs.getString("ep_agent"),
        helpfulOrNull,
        ratingOrNull,
        rs.getLong("ep_first_seq"));
  }

  Optional<ConversationRecord> findConversation(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CONVERSATION_SELECT + " WHERE c.id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(conversation(rs)) : Optional.empty();
      }
    }
  }

  void insertConversation(Connection c, ConversationRecord r) throws SQLException {
    String sql =
        "INSERT INTO conversations (status, role, language, case_id, resolved, helpful, rating,"
            + " state, handoff, handoff_at, updated_at, episode, reader, last_seq, assignee,"
            + " seen_seq, mailed_seq, channel, created_at, id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = bindChangingColumns(ps, r);
      ps.setLong(i++, r.reader().seenSeq());
      ps.setLong(i++, r.reader().mailedSeq());
      ps.setString(i++, r.channel());
      dialect.setInstant(ps, i++, r.createdAt());
      ps.setString(i, r.id());
      ps.executeUpdate();
    }
  }

  void updateConversation(Connection c, ConversationRecord r) throws SQLException {
    String sql =
        "UPDATE conversations SET status = ?, role = ?, language = ?, case_id = ?, resolved = ?,"
            + " helpful = ?, rating = ?, state = ?, handoff = ?, handoff_at = ?, updated_at = ?,"
            + " episode = ?, reader = ?, last_seq = ?, assignee = ?,"
            + " seen_seq = CASE WHEN seen_seq > ? THEN seen_seq ELSE ? END,"
            + " mailed_seq = CASE WHEN mailed_seq > ? THEN mailed_seq ELSE ? END WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = bindChangingColumns(ps, r);
      // Read positions never move back, even past a markSeen that ran outside the lock.
      ps.setLong(i++, r.reader().seenSeq());
      ps.setLong(i++, r.reader().seenSeq());
      ps.setLong(i++, r.reader().mailedSeq());
      ps.setLong(i++, r.reader().mailedSeq());
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
    ps.setInt(i++, r.episode().number());
    Reader reader = r.reader();
    ps.setString(
        i++,
        write(
            new ReaderDetails(
                reader.email(), reader.emailSource(), reader.page(), reader.awaitingEmail())));
    ps.setLong(i++, r.lastSeq());
    ps.setString(i++, r.assignee());
    return i;
  }

  void insertEpisode(Connection c, String conversationId, Episode e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO episodes (started_at, ended_at, outcome, role, language, case_id,"
                + " resolved, helpful, rating, handoff, first_human_reply_at, agent, first_seq,"
                + " steps, conversation_id, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)")) {
      int i = bindEpisode(ps, e);
      ps.setString(i++, conversationId);
      ps.setInt(i, e.number());
      ps.executeUpdate();
    }
  }

  void updateEpisode(Connection c, String conversationId, Episode e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE episodes SET started_at = ?, ended_at = ?, outcome = ?, role = ?, language = ?,"
                + " case_id = ?, resolved = ?, helpful = ?, rating = ?, handoff = ?,"
                + " first_human_reply_at = ?, agent = ?, first_seq = ?, steps = ?"
                + " WHERE conversation_id = ? AND number = ?")) {
      int i = bindEpisode(ps, e);
      ps.setString(i++, conversationId);
      ps.setInt(i, e.number());
      ps.executeUpdate();
    }
  }

  private int bindEpisode(PreparedStatement ps, Episode e) throws SQLException {
    int i = 1;
    dialect.setInstant(ps, i++, e.startedAt());
    dialect.setInstant(ps, i++, e.endedAt());
    ps.setString(i++, e.outcome() == null ? null : e.outcome().code());
    ps.setString(i++, e.role() == null ? null : e.role().code());
    ps.setString(i++, e.language() == null ? null : e.language().code());
    ps.setString(i++, e.caseId());
    ps.setBoolean(i++, e.resolved());
    setNullable(ps, i++, e.helpful(), Types.BOOLEAN);
    setNullable(ps, i++, e.rating(), Types.INTEGER);
    ps.setString(i++, e.handoff() == null ? null : write(e.handoff()));
    dialect.setInstant(ps, i++, e.firstHumanReplyAt());
    ps.setString(i++, e.agent());
    ps.setLong(i++, e.firstSeq());
    ps.setString(i++, write(e.steps()));
    return i;
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
