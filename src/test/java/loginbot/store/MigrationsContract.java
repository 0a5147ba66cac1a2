package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

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

    assertThat(appliedVersions()).containsExactly("1", "2", "7");
    assertThat(column("SELECT rating FROM conversations WHERE id = 'c1'")).isEqualTo("5");
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
    writeAtVersion1("old", state, packet, replies);

    try (JdbcStore store = openAt(MigrationVersion.LATEST)) {
      assertThat(appliedVersions()).containsExactly("1", "2", "7");
      ConversationRecord found = store.find("old").orElseThrow();
      assertThat(found)
          .isEqualTo(
              new ConversationRecord(
                  "old", "rest", state, Optional.of(packet), clock.instant(), clock.instant()));
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

  private void writeAtVersion1(
      String id, ConversationState state, HandoffPacket packet, List<Action.Reply> replies)
      throws Exception {
    Dialect d = dialect();
    try (Connection c = connect()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO conversations (id, channel, status, role,"
                  + " language, case_id, resolved, state, handoff, handoff_at, created_at, updated_at)"
                  + " VALUES (?, 'rest', 'handoff', NULL, 'fr', 'account_disabled', FALSE, ?, ?, ?, ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, json.writeValueAsString(state));
        ps.setString(3, json.writeValueAsString(packet));
        d.setInstant(ps, 4, packet.at());
        d.setInstant(ps, 5, clock.instant());
        d.setInstant(ps, 6, clock.instant());
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
