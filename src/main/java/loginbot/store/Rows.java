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
import java.util.Collections;
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
  record ReaderDetails(
      String email,
      String emailSource,
      String page,
      boolean awaitingEmail,
      String name,
      String device,
      String appVersion) {}

  ConversationRecord conversation(ResultSet rs) throws SQLException {
    String handoff = rs.getString("handoff");
    String readerJson = rs.getString("reader");
    ReaderDetails details =
        readerJson == null
            ? new ReaderDetails(null, null, null, false, null, null, null)
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
            rs.getLong("mailed_seq"),
            new Reader.Client(details.name(), details.device(), details.appVersion())),
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

  Sql insertConversation(ConversationRecord r) {
    String sql =
        "INSERT INTO conversations (status, role, language, case_id, resolved, helpful, rating,"
            + " state, handoff, handoff_at, updated_at, episode, reader, last_seq, assignee,"
            + " seen_seq, mailed_seq, channel, created_at, id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    Sql.Binder changing = changingColumns(r);
    return new Sql(
        sql,
        (ps, first) -> {
          int i = changing.bind(ps, first);
          ps.setLong(i++, r.reader().seenSeq());
          ps.setLong(i++, r.reader().mailedSeq());
          ps.setString(i++, r.channel());
          dialect.setInstant(ps, i++, r.createdAt());
          ps.setString(i++, r.id());
          return i;
        });
  }

  /**
   * Updates the conversation the turn read; touches no row (update count 0) when it is gone or was
   * moved on by another writer since ({@code last_seq} no longer {@code readLastSeq}).
   */
  Sql updateConversation(ConversationRecord r, long readLastSeq) {
    String sql =
        "UPDATE conversations SET status = ?, role = ?, language = ?, case_id = ?, resolved = ?,"
            + " helpful = ?, rating = ?, state = ?, handoff = ?, handoff_at = ?, updated_at = ?,"
            + " episode = ?, reader = ?, last_seq = ?, assignee = ?,"
            + " seen_seq = CASE WHEN seen_seq > ? THEN seen_seq ELSE ? END,"
            + " mailed_seq = CASE WHEN mailed_seq > ? THEN mailed_seq ELSE ? END"
            + " WHERE id = ? AND last_seq = ?";
    Sql.Binder changing = changingColumns(r);
    return new Sql(
        sql,
        (ps, first) -> {
          int i = changing.bind(ps, first);
          // Read positions never move back, even past a markSeen that ran outside the lock.
          ps.setLong(i++, r.reader().seenSeq());
          ps.setLong(i++, r.reader().seenSeq());
          ps.setLong(i++, r.reader().mailedSeq());
          ps.setLong(i++, r.reader().mailedSeq());
          ps.setString(i++, r.id());
          ps.setLong(i++, readLastSeq);
          return i;
        });
  }

  private Sql.Binder changingColumns(ConversationRecord r) {
    ConversationState s = r.state();
    Reader reader = r.reader();
    String state = write(s);
    String handoff = r.handoff().map(this::write).orElse(null);
    String details =
        write(
            new ReaderDetails(
                reader.email(),
                reader.emailSource(),
                reader.page(),
                reader.awaitingEmail(),
                reader.client().name(),
                reader.client().device(),
                reader.client().appVersion()));
    return (ps, first) -> {
      int i = first;
      ps.setString(i++, s.status().code());
      ps.setString(i++, s.role() == null ? null : s.role().code());
      ps.setString(i++, s.language() == null ? null : s.language().code());
      ps.setString(i++, s.caseId());
      ps.setBoolean(i++, s.resolved());
      setNullable(ps, i++, s.helpful(), Types.BOOLEAN);
      setNullable(ps, i++, s.rating(), Types.INTEGER);
      ps.setString(i++, state);
      ps.setString(i++, handoff);
      dialect.setInstant(ps, i++, r.handoff().map(HandoffPacket::at).orElse(null));
      dialect.setInstant(ps, i++, r.updatedAt());
      ps.setInt(i++, r.episode().number());
      ps.setString(i++, details);
      ps.setLong(i++, r.lastSeq());
      ps.setString(i++, r.assignee());
      return i;
    };
  }

  Sql insertEpisode(String conversationId, Episode e) {
    Sql.Binder columns = episodeColumns(e);
    return new Sql(
        "INSERT INTO episodes (started_at, ended_at, outcome, role, language, case_id,"
            + " resolved, helpful, rating, handoff, first_human_reply_at, agent, first_seq,"
            + " steps, conversation_id, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?)",
        (ps, first) -> {
          int i = columns.bind(ps, first);
          ps.setString(i++, conversationId);
          ps.setInt(i++, e.number());
          return i;
        });
  }

  Sql updateEpisode(String conversationId, Episode e) {
    Sql.Binder columns = episodeColumns(e);
    return new Sql(
        "UPDATE episodes SET started_at = ?, ended_at = ?, outcome = ?, role = ?, language = ?,"
            + " case_id = ?, resolved = ?, helpful = ?, rating = ?, handoff = ?,"
            + " first_human_reply_at = ?, agent = ?, first_seq = ?, steps = ?"
            + " WHERE conversation_id = ? AND number = ?",
        (ps, first) -> {
          int i = columns.bind(ps, first);
          ps.setString(i++, conversationId);
          ps.setInt(i++, e.number());
          return i;
        });
  }

  private Sql.Binder episodeColumns(Episode e) {
    String handoff = e.handoff() == null ? null : write(e.handoff());
    String steps = write(e.steps());
    return (ps, first) -> {
      int i = first;
      dialect.setInstant(ps, i++, e.startedAt());
      dialect.setInstant(ps, i++, e.endedAt());
      ps.setString(i++, e.outcome() == null ? null : e.outcome().code());
      ps.setString(i++, e.role() == null ? null : e.role().code());
      ps.setString(i++, e.language() == null ? null : e.language().code());
      ps.setString(i++, e.caseId());
      ps.setBoolean(i++, e.resolved());
      setNullable(ps, i++, e.helpful(), Types.BOOLEAN);
      setNullable(ps, i++, e.rating(), Types.INTEGER);
      ps.setString(i++, handoff);
      dialect.setInstant(ps, i++, e.firstHumanReplyAt());
      ps.setString(i++, e.agent());
      ps.setLong(i++, e.firstSeq());
      ps.setString(i++, steps);
      return i;
    };
  }

  /** All the lines in one multi-row INSERT. */
  Sql insertTranscript(String conversationId, List<TranscriptEntry> entries) {
    List<String> buttons = entries.stream().map(e -> write(e.buttons())).toList();
    return new Sql(
        "INSERT INTO transcript (conversation_id, "
            + TRANSCRIPT_COLUMNS
            + ") VALUES "
            + String.join(
                ", ", Collections.nCopies(entries.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        (ps, first) -> {
          int i = first;
          for (int n = 0; n < entries.size(); n++) {
            TranscriptEntry e = entries.get(n);
            ps.setString(i++, conversationId);
            ps.setLong(i++, e.seq());
            dialect.setInstant(ps, i++, e.at());
            ps.setString(i++, e.author().name());
            ps.setString(i++, e.name());
            ps.setString(i++, e.text());
            ps.setString(i++, buttons.get(n));
            ps.setString(i++, e.intent());
            setNullable(ps, i++, e.confidence(), Types.DOUBLE);
            ps.setBoolean(i++, e.understood());
          }
          return i;
        });
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

  /** Replies as {@code processed_messages} keeps them. */
  List<Action.Reply> replies(String json) {
    return read(json, REPLIES);
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

  /**
   * Records a processed message id; a second writer of the same id inserts nothing (update count
   * 0), which is how a duplicate is found without a read first.
   */
  Sql insertProcessed(
      String conversationId, String messageId, List<Action.Reply> replies, Instant at) {
    String text = write(replies);
    return new Sql(
        "INSERT INTO processed_messages (conversation_id, message_id, replies, at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (conversation_id, message_id) DO NOTHING",
        (ps, first) -> {
          int i = first;
          ps.setString(i++, conversationId);
          ps.setString(i++, messageId);
          ps.setString(i++, text);
          dialect.setInstant(ps, i++, at);
          return i;
        });
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
