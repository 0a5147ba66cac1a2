package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Optional;
import loginbot.channel.InboundMessage;
import loginbot.channel.widget.WidgetServer;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Role;
import loginbot.handoff.HandoffNote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent is told whether the role was given by the page (channel metadata) or claimed by the
 * user: in the handoff packet, in the Chatwoot note rendered from it, and in the agent API.
 */
class RoleProvenanceTest {
  private final WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());

  @AfterEach
  void stop() {
    server.close();
  }

  private void says(String id, String text, Optional<Role> role) {
    server.conversations.handle(
        new InboundMessage("test", id, null, text, role, Optional.empty(), Optional.empty()));
  }

  private JsonNode agentView(String id) {
    return server.parse(
        server.get(
            "/api/conversations/" + id,
            (HttpRequest.Builder b) ->
                b.header("Authorization", "Bearer " + WidgetServer.AGENT_TOKEN)));
  }

  @Test
  void a_role_the_page_gave_is_shown_as_given_by_the_page() {
    // given: the embedding page says the user is a professional
    says("p1", "I can't log in", Optional.of(Role.PROFESSIONAL));

    // when
    says("p1", "I want to talk to a person", Optional.of(Role.PROFESSIONAL));

    // then
    HandoffPacket packet = server.store.find("p1").orElseThrow().handoff().orElseThrow();
    assertThat(packet.facts()).containsEntry("role_source", "page");
    assertThat(HandoffNote.render(packet)).contains("**Role:** professional (given by the page)");
    JsonNode view = agentView("p1");
    assertThat(view.get("role").asText()).isEqualTo("professional");
    assertThat(view.get("roleSource").asText()).isEqualTo("given by the page");
    assertThat(view.at("/handoff/facts/role_source").asText()).isEqualTo("page");
  }

  @Test
  void a_role_read_from_the_users_words_is_shown_as_claimed_by_the_user() {
    // given: nothing from the page; the user's words say professional
    says("u1", "my client cannot log in to the app", Optional.empty());

    // when
    says("u1", "I want to talk to a person", Optional.empty());

    // then
    HandoffPacket packet = server.store.find("u1").orElseThrow().handoff().orElseThrow();
    assertThat(packet.role()).isEqualTo(Role.PROFESSIONAL);
    assertThat(HandoffNote.render(packet))
        .contains("**Role:** professional (claimed by the user)")
        .doesNotContain("role_source");
    assertThat(agentView("u1").get("roleSource").asText()).isEqualTo("claimed by the user");
  }

  @Test
  void a_role_the_bot_assumed_after_two_unanswered_questions_is_shown_as_assumed() {
    // given: a role-dependent case, and a user who twice does not say who they are
    says("a1", "/case invalid_credentials", Optional.empty());
    says("a1", "whatever, just fix it", Optional.empty());
    says("a1", "I said fix it", Optional.empty());

    // when
    says("a1", "I want to talk to a person", Optional.empty());

    // then the agent sees a guess, not a claim
    HandoffPacket packet = server.store.find("a1").orElseThrow().handoff().orElseThrow();
    assertThat(packet.role()).isEqualTo(Role.CUSTOMER);
    assertThat(packet.facts()).containsEntry("role_source", "assumed");
    assertThat(HandoffNote.render(packet))
        .contains("**Role:** customer (assumed by the bot: the user did not say)");
    assertThat(agentView("a1").get("roleSource").asText())
        .isEqualTo("assumed by the bot: the user did not say");
    assertThat(packet.summary()).doesNotContain("role source");
  }

  @Test
  void a_role_unknown_has_no_source() {
    says("n1", "I want to talk to a person", Optional.empty());

    assertThat(agentView("n1").get("roleSource").isNull()).isTrue();
    assertThat(server.store.find("n1").orElseThrow().handoff().orElseThrow().facts())
        .doesNotContainKey("role_source");
  }
}
