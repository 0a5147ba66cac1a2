package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import loginbot.TestBot;
import loginbot.channel.chatwoot.LiveChatwoot.Call;
import loginbot.dialogue.Status;
import loginbot.store.TranscriptEntry;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Chatwoot 4.16.2 as its source behaves (notes/chatwoot-4.16.md), end to end: v4.16.2-shaped
 * deliveries in, the real dialogue, and the calls the outbox makes to a MockWebServer.
 */
class Chatwoot416Test {
  private static final String CONVERSATION = "cw:3:7";
  private static final String MESSAGES = "/api/v1/accounts/3/conversations/7/messages";
  private static final String TOGGLE = "/api/v1/accounts/3/conversations/7/toggle_status";

  @StartStop final MockWebServer chatwoot = new MockWebServer();

  private LiveChatwoot live() {
    return new LiveChatwoot(TestBot.builder().clock(LiveChatwoot.clock()), chatwoot);
  }

  @Test
  void a_new_conversation_owned_by_the_bot_in_the_4_16_2_shape_is_answered() {
    try (LiveChatwoot cw = live()) {
      // given: pending, meta.assignee the agent bot (assignee_type AgentBot), conversation.account
      ObjectNode event =
          LiveChatwoot.message("message_created_incoming.json", 5001, "I can't log in");

      // when
      String answer = cw.deliver(event).body();

      // then
      assertThat(answer).isEqualTo("{\"result\":\"processed\",\"reason\":\"conversation is bot\"}");
      assertThat(cw.calls()).extracting(Call::target).containsOnly(MESSAGES).isNotEmpty();
      assertThat(cw.bot.store.find(CONVERSATION)).isPresent();
    }
  }

  @Test
  void a_visitor_writing_again_after_a_human_resolved_is_answered() {
    try (LiveChatwoot cw = live()) {
      // given: the bot handed off, Maya took the conversation and resolved it
      cw.handedOff();
      assertThat(cw.deliver("conversation_resolved.json").body()).contains("ignored");
      assertThat(cw.deliver("conversation_status_changed.json").body()).contains("ignored");
      assertThat(cw.deliver("conversation_updated_resolved.json").body()).contains("ignored");

      // when: the visitor writes again; Chatwoot makes it pending and keeps Maya assigned
      String statusChanged = cw.deliver("conversation_status_changed.json").body();
      String reopened = cw.deliver("conversation_updated_reopened.json").body();
      String message = cw.deliver("message_created_returning_visitor.json").body();

      // then: the bot is back, and answers the question
      assertThat(statusChanged).contains("ignored");
      assertThat(reopened).contains("handed_back");
      assertThat(message).contains("processed").contains("conversation is bot");
      List<Call> calls = cw.calls();
      assertThat(calls).extracting(Call::target).containsOnly(MESSAGES);
      assertThat(calls.get(0).content()).startsWith("You're back with the login assistant");
      assertThat(calls.get(calls.size() - 1).content()).isNotEmpty();
      assertThat(calls.stream().skip(1).map(Call::content).toList())
          .anyMatch(
              c -> c.contains("Forgot password") || c.contains("customer") || c.contains("?"));
    }
  }

  @Test
  void the_csat_rating_is_recorded_as_the_conversations_feedback_and_answered_200() {
    try (LiveChatwoot cw = live()) {
      // given: a conversation the bot knows, resolved in Chatwoot, whose survey comes back
      cw.visitorSays(5001, "I can't log in");
      cw.calls();
      ObjectNode csat = LiveChatwoot.fixture("message_updated_csat.json");
      ((ObjectNode) csat.at("/content_attributes/submitted_values/csat_survey_response"))
          .put("feedback_message", "Quick, thanks. My password is Soleil2024! by the way");

      // when: delivered, then redelivered under a new delivery id
      var answer = cw.deliver(csat);
      var again = cw.deliver(csat);

      // then
      assertThat(answer.code()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"result\":\"recorded\",\"reason\":\"rating 4 of 5\"}");
      assertThat(again.code()).isEqualTo(200);
      assertThat(cw.bot.store.find(CONVERSATION).orElseThrow().state().rating()).isEqualTo(4);
      List<TranscriptEntry> survey =
          cw.bot.store.transcript(CONVERSATION, 0).stream()
              .filter(e -> e.text().startsWith("Satisfaction survey"))
              .toList();
      assertThat(survey).hasSize(1);
      assertThat(survey.get(0).text()).startsWith("Satisfaction survey: rated 4/5: Quick, thanks.");
      assertThat(survey.get(0).text()).doesNotContain("Soleil2024");
      assertThat(cw.calls()).isEmpty();
    }
  }

  @Test
  void a_csat_rating_of_a_conversation_the_bot_never_saw_is_acknowledged() {
    try (LiveChatwoot cw = live()) {
      var answer = cw.deliver("message_updated_csat.json");

      assertThat(answer.code()).isEqualTo(200);
      assertThat(answer.body()).contains("ignored").contains("no such conversation");
    }
  }

  @Test
  void assigning_the_conversation_to_the_bot_hands_it_back_and_sets_it_pending() {
    try (LiveChatwoot cw = live()) {
      // given
      cw.handedOff();

      // when: Maya assigns it to the bot; Chatwoot leaves it open
      String answer = cw.deliver("conversation_updated_assigned_to_bot.json").body();

      // then: pending first, so the visitor's next message is the bot's turn, then "back"
      assertThat(answer).contains("handed_back");
      List<Call> calls = cw.calls();
      assertThat(calls).extracting(Call::target).containsExactly(TOGGLE, MESSAGES);
      assertThat(calls.get(0).body().toString()).isEqualTo("{\"status\":\"pending\"}");
      assertThat(calls.get(1).content()).startsWith("You're back with the login assistant");
      assertThat(cw.bot.store.find(CONVERSATION).orElseThrow().state().status())
          .isEqualTo(Status.BOT);

      // and: Chatwoot reports its own change to pending; nothing more happens
      assertThat(cw.deliver("conversation_updated_pending.json").body()).contains("not handed off");
      assertThat(cw.visitorSays(5030, "I forgot my password").body()).contains("processed");
    }
  }

  @Test
  void the_hand_back_comes_through_conversation_updated_as_status_changed_carries_null() {
    try (LiveChatwoot cw = live()) {
      // given
      cw.handedOff();
      assertThat(cw.deliver("conversation_updated_opened_by_bot.json").body()).contains("ignored");

      // when: Maya sets Pending (still assigned), then unassigns herself
      String statusChanged = cw.deliver("conversation_status_changed.json").body();
      String pending = cw.deliver("conversation_updated_pending.json").body();
      String unassigned = cw.deliver("conversation_updated_unassigned.json").body();

      // then: one hand-back, at the first conversation_updated
      assertThat(statusChanged)
          .isEqualTo(
              "{\"result\":\"ignored\",\"reason\":\"change does not give the conversation back to the bot\"}");
      assertThat(pending).contains("handed_back");
      assertThat(unassigned).contains("not handed off");
      assertThat(cw.calls())
          .extracting(Call::content)
          .hasSize(1)
          .allMatch(c -> c.startsWith("You're back"));
    }
  }

  @Test
  void the_bot_picks_up_an_option_submitted_in_the_4_16_2_shape() {
    try (LiveChatwoot cw = live()) {
      cw.visitorSays(5001, "I can't log in, it says invalid user or password");
      cw.calls();

      String answer = cw.deliver("message_updated_input_select.json").body();

      assertThat(answer).contains("processed");
      assertThat(cw.calls().get(0).content()).contains("Forgot password?");
    }
  }
}
