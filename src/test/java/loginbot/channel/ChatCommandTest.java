package loginbot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.dialogue.Status;
import loginbot.store.InMemoryStore;
import loginbot.store.TranscriptEntry;
import org.junit.jupiter.api.Test;

class ChatCommandTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-05T15:00:00Z"));
  private final InMemoryStore store = new InMemoryStore(clock);
  private final ConversationService service =
      TestBot.builder().clock(clock).store(store).build().service;

  @Test
  void buttons_are_numbered_and_a_number_selects_its_payload() {
    String out = chat(List.of(), "hi\n2\n2\n");

    assertThat(out).contains("bot> Hi! I'm the login assistant");
    assertThat(out).contains("[1] Invalid user / password [2] I forgot my password");
    assertThat(out).contains("(I forgot my password)");
    assertThat(out).contains("are you the account holder, or a professional");
    assertThat(out).contains("[1] I'm the account holder [2] I'm a professional");
    assertThat(out).contains("(I'm a professional)");
    assertThat(out).contains("bot> Your client can tap “Forgot password?”");
    assertThat(out).contains("[1] Yes [2] No");
  }

  @Test
  void role_and_language_options_act_as_channel_metadata() {
    String out = chat(List.of("--role", "professional", "--lang", "fr"), "I forgot my password\n");

    assertThat(out).contains("bot> Votre client peut appuyer sur « Mot de passe oublié? »");
    assertThat(store.handoffQueue()).isEmpty();
  }

  @Test
  void after_a_handoff_the_terminal_shows_that_the_bot_stays_silent() {
    String out = chat(List.of("--lang", "en"), "I want to talk to a human\nhello?\n");

    assertThat(out).contains("(handed over to a person: USER_ASKED)");
    assertThat(out).contains("(a person owns this conversation now; the bot stays silent)");
    assertThat(store.handoffQueue())
        .singleElement()
        .satisfies(c -> assertThat(c.state().status()).isEqualTo(Status.HANDOFF));
  }

  @Test
  void quit_ends_the_chat_before_the_remaining_input() {
    chat(List.of(), "hi\n/quit\nI forgot my password\n");

    var conversation = store.updatedBetween(Instant.MIN, Instant.MAX);
    assertThat(conversation).hasSize(1);
    assertThat(store.transcript(conversation.get(0).id(), 0))
        .filteredOn(e -> e.author() == TranscriptEntry.Author.USER)
        .extracting(TranscriptEntry::text)
        .containsExactly("hi");
  }

  @Test
  void bad_arguments_print_the_usage_and_exit_with_2() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int code =
        ChatCommand.run(
            List.of("--role", "boss"),
            service,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("unexpected argument '--role boss'")
        .contains(ChatCommand.USAGE);
  }

  private String chat(List<String> args, String input) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code =
        ChatCommand.run(
            args,
            service,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
