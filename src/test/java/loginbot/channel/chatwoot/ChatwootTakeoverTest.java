package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import loginbot.TestBot;
import loginbot.channel.chatwoot.LiveChatwoot.Call;
import loginbot.dialogue.Status;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A person writing in Chatwoot itself (notes/chatwoot-4.16.md M5): in a pending conversation the
 * bot owns it is a takeover, and after a handoff it answers what the visitor asked. End to end:
 * v4.16.2-shaped deliveries, the real dialogue, the outbox and a MockWebServer.
 */
class ChatwootTakeoverTest {
  private static final String CONVERSATION = "cw:3:7";
  private static final String TOGGLE = "/api/v1/accounts/3/conversations/7/toggle_status";

  @StartStop final MockWebServer chatwoot = new MockWebServer();

  private LiveChatwoot live() {
    return new LiveChatwoot(TestBot.builder().clock(LiveChatwoot.clock()), chatwoot);
  }

  @Test
  void a_person_replying_in_a_pending_conversation_takes_it_over_and_opens_it() {
    try (LiveChatwoot cw = live()) {
      // given: the bot is answering the visitor
      cw.visitorSays(5001, "I can't log in");
      assertThat(cw.calls()).isNotEmpty();

      // when: Maya writes to the visitor while the conversation is still pending
      String answer = cw.deliver("message_created_agent_reply.json").body();

      // then: the bot goes silent and opens the conversation, through its outbox
      assertThat(answer)
          .isEqualTo(
              "{\"result\":\"recorded\",\"reason\":\"an agent wrote; conversation is handoff\"}");
      List<Call> calls = cw.calls();
      assertThat(calls).extracting(Call::target).containsExactly(TOGGLE);
      assertThat(calls.get(0).body().toString()).isEqualTo("{\"status\":\"open\"}");
      assertThat(cw.bot.store.find(CONVERSATION).orElseThrow().state().status())
          .isEqualTo(Status.HANDOFF);
      List<TranscriptEntry> transcript = cw.bot.store.transcript(CONVERSATION, 0);
      assertThat(transcript.get(transcript.size() - 1))
          .satisfies(
              l -> {
                assertThat(l.author()).isEqualTo(Author.AGENT);
                assertThat(l.name()).isEqualTo("Maya");
                assertThat(l.text()).startsWith("Hi, this is Maya from support");
              });

      // and: the visitor's next message, even one delivered as pending, is the humans'
      String next = cw.visitorSays(5021, "Thanks Maya, it says invalid password").body();
      assertThat(next).contains("conversation is handoff");
      assertThat(cw.calls()).isEmpty();
    }
  }

  @Test
  void a_redelivered_reply_is_recorded_once() {
    try (LiveChatwoot cw = live()) {
      cw.visitorSays(5001, "I can't log in");
      cw.calls();

      cw.deliver("message_created_agent_reply.json");
      String again = cw.deliver("message_created_agent_reply.json").body();

      assertThat(again).contains("duplicate");
      assertThat(cw.calls()).hasSize(1);
      assertThat(cw.bot.store.transcript(CONVERSATION, 0))
          .filteredOn(l -> l.author() == Author.AGENT)
          .hasSize(1);
    }
  }

  @Test
  void a_reply_in_an_open_conversation_answers_the_visitor_so_the_hand_back_does_not_repeat_it() {
    try (LiveChatwoot cw = live()) {
      // given: handed off; a question slipped in while still pending, and Maya answered it
      cw.handedOff();
      cw.deliver("message_created_returning_visitor.json");
      ObjectNode reply = LiveChatwoot.fixture("message_created_agent_reply.json");
      ((ObjectNode) reply.get("conversation")).put("status", "open");
      String recorded = cw.deliver(reply).body();

      // when
      cw.deliver("conversation_updated_pending.json");

      // then: nothing was sent for Maya's reply, and the hand-back only says the bot is back
      assertThat(recorded).contains("recorded").contains("handoff");
      assertThat(cw.calls())
          .extracting(Call::content)
          .singleElement()
          .asString()
          .startsWith("You're back");
    }
  }

  @Test
  void a_reply_in_a_conversation_the_bot_never_had_is_ignored() {
    try (LiveChatwoot cw = live()) {
      String answer = cw.deliver("message_created_agent_reply.json").body();

      assertThat(answer).contains("ignored").contains("no such conversation");
      assertThat(cw.bot.store.find(CONVERSATION)).isEmpty();
      assertThat(cw.calls()).isEmpty();
    }
  }
}
