package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;
import loginbot.web.Json;
import org.junit.jupiter.api.Test;

class EventFilterTest {
  private final EventFilter filter = new EventFilter("role");

  @Test
  void visitor_message_in_pending_conversation_is_acted_on_with_key_role_language_and_attributes() {
    // when
    Decision decision = filter.decide(Fixtures.event("message_created_incoming.json"));

    // then
    assertThat(decision)
        .isEqualTo(
            new Decision.Act(
                new ConversationRef(1, 7),
                "message_created:43",
                "I can't log in, it says invalid user or password",
                Optional.of(Role.CUSTOMER),
                Optional.of(Language.EN),
                Map.of("plan", "premium")));
    assertThat(((Decision.Act) decision).conversation().key()).isEqualTo("cw:1:7");
  }

  @Test
  void option_picked_in_our_input_select_is_acted_on_as_its_value() {
    // when
    Decision decision = filter.decide(Fixtures.event("message_updated_submitted.json"));

    // then
    assertThat(decision).isInstanceOf(Decision.Act.class);
    Decision.Act act = (Decision.Act) decision;
    assertThat(act.text()).isEqualTo("no");
    assertThat(act.messageId()).isEqualTo("message_updated:44");
    assertThat(act.role()).contains(Role.CUSTOMER);
  }

  @Test
  void our_own_echo_private_notes_and_templates_are_ignored() {
    assertThat(filter.decide(Fixtures.event("message_created_outgoing_echo.json")))
        .isEqualTo(new Decision.Ignore("outgoing message is not from the visitor"));
    assertThat(filter.decide(Fixtures.event("message_created_private_note.json")))
        .isEqualTo(new Decision.Ignore("private note"));
    assertThat(filter.decide(Fixtures.event("message_created_template.json")))
        .isEqualTo(new Decision.Ignore("template message is not from the visitor"));
  }

  @Test
  void visitor_message_in_an_open_conversation_is_the_humans_and_ignored() {
    assertThat(filter.decide(Fixtures.event("message_created_human_owned.json")))
        .isEqualTo(new Decision.Ignore("conversation is open, not pending"));
  }

  @Test
  void visitor_message_in_a_pending_conversation_is_the_bots_even_with_a_human_assignee() {
    // given: a visitor writes again after a human resolved the conversation: Chatwoot makes it
    // pending and keeps the human as assignee, its signal that the bot answers
    ObjectNode tree = Fixtures.tree("message_created_incoming.json");
    ObjectNode meta = (ObjectNode) tree.at("/conversation/meta");
    meta.put("assignee_type", "User");
    meta.putObject("assignee").put("id", 12).put("type", "user");

    assertThat(filter.decide(Fixtures.event(tree))).isInstanceOf(Decision.Act.class);
  }

  @Test
  void submitted_values_on_a_message_the_bot_did_not_send_are_ignored() {
    // given: an agent's (user's) input_select
    ObjectNode tree = Fixtures.tree("message_updated_submitted.json");
    tree.putObject("sender").put("id", 12).put("type", "user");

    assertThat(filter.decide(Fixtures.event(tree)))
        .isEqualTo(new Decision.Ignore("submitted values of a message the bot did not send"));
  }

  @Test
  void update_without_submitted_values_is_ignored() {
    // given: e.g. the message's status went from sent to read
    ObjectNode tree = Fixtures.tree("message_updated_submitted.json");
    ((ObjectNode) tree.get("content_attributes")).remove("submitted_values");

    assertThat(filter.decide(Fixtures.event(tree)))
        .isEqualTo(new Decision.Ignore("update without submitted values"));
  }

  @Test
  void status_back_to_pending_hands_back_with_account_from_the_latest_message() {
    assertThat(filter.decide(Fixtures.event("conversation_status_changed_pending.json")))
        .isEqualTo(
            new Decision.HandBack(new ConversationRef(1, 7), Map.of("plan", "premium"), false));
  }

  @Test
  void our_own_handoff_changes_do_not_hand_back() {
    assertThat(filter.decide(Fixtures.event("conversation_status_changed_open.json")))
        .isEqualTo(new Decision.Ignore("change does not give the conversation back to the bot"));
    assertThat(filter.decide(Fixtures.event("conversation_updated_custom_attributes.json")))
        .isEqualTo(new Decision.Ignore("change does not give the conversation back to the bot"));
  }

  @Test
  void pending_again_hands_back_at_once_even_while_a_human_is_still_assigned() {
    // given
    ObjectNode tree = Fixtures.tree("conversation_status_changed_pending.json");
    ((ObjectNode) tree.get("meta"))
        .put("assignee_type", "User")
        .putObject("assignee")
        .put("type", "user");
    ObjectNode unassigned = Fixtures.tree("conversation_status_changed_pending.json");
    unassigned.put("event", "conversation_updated");
    unassigned
        .putArray("changed_attributes")
        .addObject()
        .putObject("assignee_id")
        .put("previous_value", 12)
        .putNull("current_value");

    assertThat(filter.decide(Fixtures.event(tree))).isInstanceOf(Decision.HandBack.class);
    assertThat(filter.decide(Fixtures.event(unassigned))).isInstanceOf(Decision.HandBack.class);
  }

  @Test
  void role_attribute_name_is_configurable_and_unknown_values_are_left_to_the_dialogue() {
    // given
    ObjectNode tree = Fixtures.tree("message_created_incoming.json");
    ((ObjectNode) tree.at("/sender/custom_attributes"))
        .put("user_type", "professional")
        .put("role", "admin");
    ((ObjectNode) tree.at("/conversation/meta/sender/custom_attributes")).put("role", "admin");
    ((ObjectNode) tree.at("/conversation/additional_attributes")).put("browser_language", "de-DE");

    Decision.Act custom = (Decision.Act) new EventFilter("user_type").decide(Fixtures.event(tree));
    Decision.Act unknown = (Decision.Act) filter.decide(Fixtures.event(tree));

    assertThat(custom.role()).contains(Role.PROFESSIONAL);
    assertThat(unknown.role()).isEmpty();
    // Whether the bot speaks German is for the content to say: the dialogue detects instead.
    assertThat(unknown.language()).contains(Language.of("de"));
  }

  @Test
  void french_browser_gives_french() {
    ObjectNode tree = Fixtures.tree("message_created_incoming.json");
    ((ObjectNode) tree.at("/conversation/additional_attributes")).put("browser_language", "fr-CA");

    assertThat(((Decision.Act) filter.decide(Fixtures.event(tree))).language())
        .contains(Language.FR);
  }

  @Test
  void very_long_text_is_passed_on_whole_for_the_webhook_to_split() {
    ObjectNode tree = Fixtures.tree("message_created_incoming.json");
    tree.put("content", "a".repeat(ChatwootWebhook.MAX_TEXT_CHARS + 50));

    assertThat(((Decision.Act) filter.decide(Fixtures.event(tree))).text())
        .hasSize(ChatwootWebhook.MAX_TEXT_CHARS + 50);
  }

  @Test
  void events_bots_do_not_need_are_ignored() {
    assertThat(filter.decide(parse("{\"event\":\"webwidget_triggered\",\"id\":20}")))
        .isInstanceOf(Decision.Ignore.class);
  }

  @Test
  void malformed_payloads_are_bad_requests_that_say_why() {
    assertThatThrownBy(() -> parse("not json"))
        .isInstanceOf(BadRequestResponse.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> parse("[1,2]"))
        .isInstanceOf(BadRequestResponse.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> parse("{\"id\":1}"))
        .isInstanceOf(BadRequestResponse.class)
        .hasMessageContaining("'event' is required");
    assertThatThrownBy(() -> parse("{\"event\":\"message_created\",\"id\":43}"))
        .isInstanceOf(BadRequestResponse.class)
        .hasMessageContaining("'account.id'");
    assertThatThrownBy(() -> parse("{\"event\":\"message_created\",\"id\":\"forty\"}"))
        .isInstanceOf(BadRequestResponse.class)
        .hasMessageContaining("not a Chatwoot message_created payload");
  }

  private static ChatwootEvent parse(String body) {
    return new EventParser(Json.newMapper()).parse(body.getBytes(StandardCharsets.UTF_8));
  }
}
