package loginbot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loginbot.TestBot;
import loginbot.dialogue.KeywordNlu;
import loginbot.dialogue.PasswordMasker;
import loginbot.dialogue.Role;
import loginbot.nlu.Nlu;
import loginbot.nlu.Understanding;
import loginbot.store.TranscriptEntry;
import org.junit.jupiter.api.Test;

/**
 * A user's message is masked and classified before its turn takes the conversation's lock, and the
 * turn reuses that reading; only when the conversation makes masking differ (right after the bot
 * asked about a password) does the turn read the message again, in its state.
 */
class ReadAheadTest {
  /** The NLU the server uses, as far as the turn can tell, with a record of what it was given. */
  private static final class RecordingNlu implements Nlu {
    final List<String> understood = new ArrayList<>();
    private final KeywordNlu nlu = new KeywordNlu();

    @Override
    public synchronized Understanding understand(String text) {
      understood.add(text);
      return nlu.understand(text);
    }
  }

  private final RecordingNlu nlu = new RecordingNlu();
  private final TestBot bot = TestBot.builder().nlu(nlu).build();

  private void customerSays(String conversationId, String text) {
    bot.service.handle(
        new InboundMessage(
            "test",
            conversationId,
            null,
            text,
            Optional.of(Role.CUSTOMER),
            Optional.empty(),
            Optional.empty()));
  }

  @Test
  void each_message_is_classified_once_when_the_conversation_does_not_change_its_masking() {
    bot.say("c1", "hello");
    bot.say("c1", "I forgot my password");
    bot.say("c1", "no");

    assertThat(nlu.understood).containsExactly("hello", "I forgot my password", "no");
  }

  @Test
  void a_bare_password_typed_right_after_the_bot_asked_about_passwords_is_masked_all_the_same() {
    customerSays("c1", "I get Invalid User / password");
    assertThat(bot.store.find("c1").orElseThrow().state().askedAboutPassword()).isTrue();

    customerSays("c1", "Tr0ub4dor&3x");

    List<TranscriptEntry> lines = bot.store.transcript("c1", 0);
    assertThat(lines)
        .filteredOn(l -> l.author() == TranscriptEntry.Author.USER)
        .extracting(TranscriptEntry::text)
        .containsExactly("I get Invalid User / password", PasswordMasker.MASK);
    assertThat(nlu.understood).doesNotContain("Tr0ub4dor&3x").endsWith(PasswordMasker.MASK);
  }

  @Test
  void a_message_whose_masking_depends_on_the_state_is_not_read_ahead() {
    PasswordMasker masker = new PasswordMasker();

    assertThat(masker.maskInAnyState("Tr0ub4dor&3x")).isEmpty();
    assertThat(masker.maskInAnyState("my password is Tr0ub4dor&3x"))
        .hasValueSatisfying(
            m -> assertThat(m.text()).isEqualTo("my password is " + PasswordMasker.MASK));
    assertThat(masker.maskInAnyState("I forgot my password"))
        .hasValueSatisfying(m -> assertThat(m.hadPassword()).isFalse());
  }
}
