package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.MutableClock;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Status;
import loginbot.web.Json;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** The schema comes up from nothing, and from version 1 with its data intact. */
abstract class MigrationsContract {
  protected final MutableClock clock = new MutableClock();
  private final ObjectMapper json = Json.newMapper();

  /** Opens the store, migrating the database up to {@code target}. */
  protected abstract JdbcStore openAt(MigrationVersion target);

  protected abstract Connection connect() throws SQLException;

  protected abstract Dialect dialect();

  @Test
  void an_empty_database_is_migrated_to_the_latest_version() throws Exception {
    try (JdbcStore store = openAt(MigrationVersion.LATEST)) {
      store.runTurn("c1", "rest", "m1", Turns.feedback(true, 5, clock.instant()));
    }

    assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(column("SELECT rating FROM conversations WHERE id = 'c1'")).isEqualTo("5");
    assertThat(column("SELECT rating FROM episodes WHERE conversation_id = 'c1'")).isEqualTo("5");
  }

  @Test
  void data_written_at_version_1_survives_the_migration_to_the_latest_version() throws Exception {
    openAt(MigrationVersion.fromVersion("1")).close();
    assertThat(appliedVersions()).containsExactly("1");
    HandoffPacket packet = Turns.packet("user asked for a human", clock.instant());
    ConversationState state =
        new ConversationState(
            Status.HANDOFF,
            null,
            loginbot.nlu.Language.FR,
            "account_disabled",
            2,
            ConversationState.Awaiting.NOTHING,
            List.of(),
            Map.of("n", "3"),
            0,
            false,
            List.of("bonjour"));
    List<Action.Reply> replies = List.of(Action.Reply.text("Un agent va vous répondre."));
    writeAtVersion1("old", "widget", state, packet, replies);

    try (JdbcStore store = openAt(MigrationVersion.LATEST)) {
      assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
      ConversationRecord found = store.find("old").orElseThrow();
      Episode episode =
          new Episode(
              1,
              clock.instant(),
              null,
              Episode.Outcome.HANDED_OFF,
              null,
              loginbot.nlu.Language.FR,
              "account_disabled",
              false,
              List.of(),
              packet,
              null,
              null,
              null,
              null,
              1);
      assertThat(found)
          .isEqualTo(
              new ConversationRecord(
                  "old",
                  "widget",
                  state,
                  Optional.of(packet),
                  clock.instant(),
                  clock.instant(),
                  episode,
                  new Reader(null, null, null, false, 1, 1, Reader.Client.UNKNOWN),
                  1));
      assertThat(store.episodes("old")).containsExactly(episode);
      assertThat(store.transcript("old", 0))
          .extracting(TranscriptEntry::text)
          .containsExactly("bonjour");
      assertThat(store.handoffQueue()).extracting(ConversationRecord::id).containsExactly("old");
      assertThat(store.dueOutbox(clock.instant(), 10))
          .extracting(OutboxItem::payload)
          .containsExactly("{}");
      TurnResult redelivered =
          store.runTurn("old", "rest", "m1", Turns.echo("bonjour", clock.instant()));
      assertThat(redelivered.duplicate()).isTrue();
      assertThat(redelivered.replies()).isEqualTo(replies);
      TurnResult next = store.runTurn("old", "rest", "m2", Turns.echo("encore", clock.instant()));
      assertThat(Turns.count(next.state())).isEqualTo(4);
      assertThat(next.appended()).extracting(TranscriptEntry::seq).containsExactly(2L, 3L);
    }
  }

  @Test
  void a_conversation_written_at_version_2_becomes_one_episode_that_keeps_what_happened()
      throws Exception {
    openAt(MigrationVersion.fromVersion("2")).close();
    ConversationState state =
        new ConversationState(
            Status.CLOSED,
            loginbot.dialogue.Role.CUSTOMER,
            loginbot.nlu.Language.EN,
            null,
            0,
            ConversationState.Awaiting.NOTHING,
            List.of(new HandoffPacket.StepTried("invalid_credentials/check", "did not work")),
            Map.of(),
            0,
            false,
            List.of(),
            null,
            null,
            null,
            4,
            false);
    Dialect d = dialect();
    try (Connection c = connect()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO conversations (id, channel, status, role, language, case_id, resolved,"
                  + " helpful, rating, state, handoff, handoff_at, created_at, updated_at)"
                  + " VALUES ('w1', 'widget', 'closed', 'customer', 'en', NULL, FALSE, NULL, 4, ?,"
                  + " NULL, NULL, ?, ?)")) {
        ps.setString(1, json.writeValueAsString(state));
        d.setInstant(ps, 2, clock.instant());
        d.setInstant(ps, 3, clock.instant().plusSeconds(600));
        ps.executeUpdate();
      }
      String[][] lines = {
        {"1", "USER", null, "talk to a person"},
        {"2", "AGENT", "Alice", "Hello, Alice here."},
        {"3", "SYSTEM", "Alice", "Alice handed back to the bot"},
        {"4", "SYSTEM", "Bob", "Bob closed the conversation"}
      };
      for (String[] l : lines) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO transcript (conversation_id, seq, at, author, name, text, buttons,"
                    + " intent, confidence, understood) VALUES ('w1', ?, ?, ?, ?, ?, '[]', NULL,"
                    + " NULL, TRUE)")) {
          ps.setLong(1, Long.parseLong(l[0]));
          d.setInstant(ps, 2, clock.instant().plusSeconds(60L * Long.parseLong(l[0])));
          ps.setString(3, l[1]);
          ps.setString(4, l[2]);
          ps.setString(5, l[3]);
          ps.executeUpdate();
        }
      }
    }

    try (JdbcStore store = openAt(MigrationVersion.LATEST)) {
      Episode e = store.episodes("w1").get(0);
      ConversationRecord found = store.find("w1").orElseThrow();

      assertThat(store.episodes("w1")).hasSize(1);
      assertThat(e.outcome()).isEqualTo(Episode.Outcome.CLOSED_BY_AGENT);
      assertThat(e.endedAt()).isEqualTo(clock.instant().plusSeconds(600));
      assertThat(e.agent()).isEqualTo("Alice");
      assertThat(e.firstHumanReplyAt()).isEqualTo(clock.instant().plusSeconds(120));
      assertThat(e.rating()).isEqualTo(4);
      assertThat(e.steps()).isEqualTo(state.steps());
      assertThat(found.lastSeq()).isEqualTo(4);
      assertThat(found.reader().seenSeq()).as("nothing old is e-mailed or replayed").isEqualTo(4);
      assertThat(found.reader().mailedSeq()).isEqualTo(4);
    }
  }

  @Test
  void rest_conversations_move_into_their_own_key_space_at_version_5_with_all_their_rows()
      throws Exception {
    openAt(MigrationVersion.fromVersion("2")).close();
    HandoffPacket packet = Turns.packet("user asked for a human", clock.instant());
    ConversationState state =
        new ConversationState(
            Status.HANDOFF,
            null,
            loginbot.nlu.Language.EN,
            null,
            0,
            ConversationState.Awaiting.NOTHING,
            List.of(),
            Map.of(),
            0,
            false,
            List.of("hello"));
    List<Action.Reply> replies = List.of(Action.Reply.text("A colleague will answer."));
    // a REST caller who named itself like a Chatwoot conversation, one named "rest:x" and one "x"
    writeAtVersion1("cw:1:42", "rest", state, packet, replies);
    writeAtVersion1("rest:x", "rest", state, packet, replies);
    writeAtVersion1("x", "rest", state, packet, replies);
    writeAtVersion1("cw:1:7", "chatwoot", state, packet, replies);

    // Read with today's code, so through every later version too (none of them moves rows).
    try (JdbcStore store = openAt(MigrationVersion.LATEST)) {
      assertThat(store.find("cw:1:42")).isEmpty();
      assertThat(store.find("rest:cw:1:42").orElseThrow().channel()).isEqualTo("rest");
      assertThat(store.find("rest:rest:x")).isPresent();
      assertThat(store.find("rest:x").orElseThrow().state()).isEqualTo(state);
      assertThat(store.find("x")).isEmpty();
      assertThat(store.find("cw:1:7").orElseThrow().channel()).isEqualTo("chatwoot");
      assertThat(store.transcript("rest:cw:1:42", 0))
          .extracting(TranscriptEntry::text)
          .containsExactly("bonjour");
      assertThat(store.find("rest:cw:1:42").orElseThrow().handoff()).contains(packet);
      assertThat(store.handoffQueue())
          .extracting(ConversationRecord::id)
          .containsExactlyInAnyOrder("rest:cw:1:42", "rest:rest:x", "rest:x", "cw:1:7");
      assertThat(store.dueOutbox(clock.instant(), 10))
          .extracting(OutboxItem::conversationId)
          .containsExactlyInAnyOrder("rest:cw:1:42", "rest:rest:x", "rest:x", "cw:1:7");
      TurnResult redelivered =
          store.runTurn("rest:cw:1:42", "rest", "m1", Turns.echo("hello", clock.instant()));
      assertThat(redelivered.duplicate()).isTrue();
      assertThat(redelivered.replies()).isEqualTo(replies);
    }
    assertThat(column("SELECT COUNT(*) FROM transcript WHERE conversation_id = 'cw:1:42'"))
        .isEqualTo("0");
  }

  @Test
  void a_new_database_is_not_current() throws Exception {
    try (Connection c = connect()) {
      assertThat(Migrations.isCurrent(c)).isFalse();
    }
  }

  @Test
  void a_schema_flyway_brought_to_the_latest_version_is_recognised_as_current() throws Exception {
    // given
    openAt(MigrationVersion.LATEST).close();

    // when / then: the checksums computed here are the ones Flyway recorded
    try (Connection c = connect()) {
      assertThat(Migrations.isCurrent(c)).isTrue();
    }
  }

  @Test
  void a_schema_with_a_script_still_to_apply_is_not_current() throws Exception {
    openAt(MigrationVersion.fromVersion("1")).close();

    try (Connection c = connect()) {
      assertThat(Migrations.isCurrent(c)).isFalse();
    }
  }

  @Test
  void an_applied_script_edited_since_is_not_current_and_flyway_refuses_to_start()
      throws Exception {
    // given
    openAt(MigrationVersion.LATEST).close();
    execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

    // when / then
    try (Connection c = connect()) {
      assertThat(Migrations.isCurrent(c)).isFalse();
    }
    assertThatThrownBy(() -> openAt(MigrationVersion.LATEST))
        .isInstanceOf(StoreStartupException.class)
        .hasMessageContaining("failed validation");
  }

  @Test
  void a_failed_migration_in_the_history_is_not_current() throws Exception {
    openAt(MigrationVersion.LATEST).close();
    execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '2'");

    try (Connection c = connect()) {
      assertThat(Migrations.isCurrent(c)).isFalse();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private void writeAtVersion1(
      String id,
      String channel,
      ConversationState state,
      HandoffPacket packet,
      List<Action.Reply> replies)
      throws Exception {
    Dialect d = dialect();
    try (Connection c = connect()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO conversations (id, channel, status, role,"
                  + " language, case_id, resolved, state, handoff, handoff_at, created_at, updated_at)"
                  + " VALUES (?, ?, 'handoff', NULL, 'fr', 'account_disabled', FALSE, ?, ?, ?, ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, channel);
        ps.setString(3, json.writeValueAsString(state));
        ps.setString(4, json.writeValueAsString(packet));
        d.setInstant(ps, 5, packet.at());
        d.setInstant(ps, 6, clock.instant());
        d.setInstant(ps, 7, clock.instant());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO transcript (conversation_id, seq, at, author,"
                  + " name, text, buttons, intent, confidence, understood) VALUES (?, 1, ?, 'USER', NULL, 'bonjour', '[]',"
                  + " 'greeting', 0.9, TRUE)")) {
        ps.setString(1, id);
        d.setInstant(ps, 2, clock.instant());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO processed_messages (conversation_id, message_id, replies, at) VALUES (?, 'm1', ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, json.writeValueAsString(replies));
        d.setInstant(ps, 3, clock.instant());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO outbox (conversation_id, kind, payload,"
                  + " attempts, not_before, created_at) VALUES (?, 'handoff', '{}', 0, ?, ?)")) {
        ps.setString(1, id);
        d.setInstant(ps, 2, clock.instant());
        d.setInstant(ps, 3, clock.instant());
        ps.executeUpdate();
      }
    }
  }

  private List<String> appliedVersions() throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }

  private String column(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
