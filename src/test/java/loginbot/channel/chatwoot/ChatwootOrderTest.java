package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loginbot.TestBot;
import loginbot.channel.chatwoot.LiveChatwoot.Call;
import loginbot.dialogue.Status;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Chatwoot runs webhook jobs on 10 threads with no ordering (notes/chatwoot-4.16.md §3.2): a
 * visitor's message can arrive before the event that handed the conversation back to the bot. End
 * to end: v4.16.2-shaped deliveries, the real dialogue, the outbox and a MockWebServer.
 */
class ChatwootOrderTest {
  private static final String MESSAGES = "/api/v1/accounts/3/conversations/7/messages";
  private static final String TOGGLE = "/api/v1/accounts/3/conversations/7/toggle_status";

  @StartStop final MockWebServer chatwoot = new MockWebServer();

  private LiveChatwoot live() {
    return new LiveChatwoot(TestBot.builder().clock(LiveChatwoot.clock()), chatwoot);
  }

  @Test
  void a_question_delivered_before_the_hand_back_is_answered_after_it() {
    try (LiveChatwoot cw = live()) {
      // given: handed off; Maya sets Pending, then the visitor asks a question. Chatwoot's jobs
      // deliver the question first, then the status events.
      cw.handedOff();
      String question = cw.deliver("message_created_returning_visitor.json").body();
      assertThat(question).contains("processed").contains("conversation is handoff");
      assertThat(cw.calls()).isEmpty();

      // when
      assertThat(cw.deliver("conversation_status_changed.json").body()).contains("ignored");
      String handBack = cw.deliver("conversation_updated_pending.json").body();

      // then: the bot is back and answers "I forgot my password", not only "anything else?"
      assertThat(handBack).contains("handed_back");
      List<Call> calls = cw.calls();
      assertThat(calls).extracting(Call::target).containsOnly(MESSAGES);
      assertThat(calls.get(0).content()).startsWith("You're back with the login assistant");
      assertThat(calls.get(0).body().path("content_type").asText()).isEqualTo("text");
      assertThat(calls.stream().skip(1).map(Call::content).toList())
          .anyMatch(c -> c.contains("Forgot password"));
      assertThat(calls.get(calls.size() - 1).body().path("content_type").asText())
          .isEqualTo("input_select");
      assertThat(cw.bot.store.find("cw:3:7").orElseThrow().state().caseId())
          .isEqualTo("forgot_password");
    }
  }

  @Test
  void a_request_for_a_person_delivered_before_the_hand_back_hands_off_again() {
    try (LiveChatwoot cw = live()) {
      // given
      cw.handedOff();
      var asks = LiveChatwoot.fixture("message_created_returning_visitor.json");
      asks.put("content", "I still want to talk to a person");
      cw.deliver(asks);

      // when
      cw.deliver("conversation_updated_pending.json");

      // then: back, then at once with the humans again, with a note and the conversation open
      List<Call> calls = cw.calls();
      assertThat(calls.get(0).content()).startsWith("You're back");
      assertThat(calls.get(calls.size() - 1).target()).isEqualTo(TOGGLE);
      assertThat(calls.get(calls.size() - 1).body().toString()).contains("open");
      assertThat(calls).anyMatch(c -> c.body().path("private").asBoolean());
      assertThat(cw.bot.store.find("cw:3:7").orElseThrow().state().status())
          .isEqualTo(Status.HANDOFF);
    }
  }

  @Test
  void a_hand_back_with_nothing_waiting_only_says_the_bot_is_back() {
    try (LiveChatwoot cw = live()) {
      cw.handedOff();

      cw.deliver("conversation_updated_pending.json");

      assertThat(cw.calls())
          .extracting(Call::content)
          .singleElement()
          .asString()
          .startsWith("You're back");
    }
  }
}
