package loginbot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loginbot.TestBot;
import loginbot.dialogue.Action;
import loginbot.dialogue.Status;
import org.junit.jupiter.api.Test;

/** A question asked during a handoff that no person answered is answered after the hand-back. */
class UnansweredQuestionsTest {
  private final TestBot bot = TestBot.create();

  @Test
  void an_agent_handing_back_without_a_word_leaves_the_question_to_the_bot() {
    // given
    bot.say("c1", "I want to talk to a person");
    assertThat(bot.say("c1", "I forgot my password").status()).isEqualTo(Status.HANDOFF);

    // when
    List<Action.Reply> replies = bot.service.handBack("c1", "Maya").replies();

    // then: "back", without its menu, then the answer to the question: the first step of the
    // account holder's case, since "my password" is about one's own account
    assertThat(replies.get(0).text()).startsWith("You're back");
    assertThat(replies.get(0).buttons()).isEmpty();
    assertThat(replies.get(1).text()).contains("Forgot password?");
    assertThat(bot.store.find("c1").orElseThrow().state().caseId()).isEqualTo("forgot_password");
  }

  @Test
  void what_the_user_said_to_the_agent_is_left_to_the_agent_who_hands_back() {
    // given: Alice asked for the user's e-mail; the user gave it; Alice hands back
    bot.say("c1", "I want to talk to a person");
    bot.service.agentReply("c1", "Alice", "Which e-mail address do you log in with?");
    bot.say("c1", "I forgot my password, my e-mail is marie@example.com");

    // when
    List<Action.Reply> replies = bot.service.handBack("c1", "Alice").replies();

    // then: only "back", with its menu
    assertThat(replies).singleElement().satisfies(r -> assertThat(r.buttons()).isNotEmpty());
  }

  @Test
  void a_question_an_agent_answered_is_not_answered_again() {
    // given
    bot.say("c1", "I want to talk to a person");
    bot.say("c1", "I forgot my password");
    bot.service.agentReply("c1", "Maya", "I sent you a reset link.");

    // when
    List<Action.Reply> replies = bot.service.handBack("c1", "Maya").replies();

    // then
    assertThat(replies)
        .singleElement()
        .satisfies(r -> assertThat(r.text()).startsWith("You're back"));
    assertThat(replies.get(0).buttons()).isNotEmpty();
  }
}
