package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import loginbot.TestBot;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** A visitor's message longer than a turn reads is read as several, never cut silently. */
class ChatwootLongTextTest {
  @StartStop final MockWebServer chatwoot = new MockWebServer();

  @Test
  void a_message_over_4000_characters_is_read_as_several_at_paragraph_breaks() {
    try (LiveChatwoot cw =
        new LiveChatwoot(TestBot.builder().clock(LiveChatwoot.clock()), chatwoot)) {
      // given: the visitor pastes three long paragraphs, the last one with the question
      String story = "I have been trying to get into the app all morning. ".repeat(50).strip();
      String details = "The screen says my account is disabled. ".repeat(60).strip();
      String question = "I forgot my password, what do I do?";
      String text = story + "\n\n" + details + "\n\n" + question;
      assertThat(text.length()).isGreaterThan(ChatwootWebhook.MAX_TEXT_CHARS);
      ObjectNode event = LiveChatwoot.message("message_created_incoming.json", 5001, text);

      // when
      String answer = cw.deliver(event).body();
      String again = cw.deliver(event).body();

      // then: every word is in the transcript, in order, as two messages of the visitor cut at a
      // paragraph break
      assertThat(answer).contains("processed").contains("read as 2 messages");
      assertThat(again).contains("duplicate");
      List<String> said =
          cw.bot.store.transcript("cw:3:7", 0).stream()
              .filter(l -> l.author() == Author.USER)
              .map(TranscriptEntry::text)
              .toList();
      assertThat(said).containsExactly(story, details + "\n\n" + question);
      assertThat(cw.calls()).isNotEmpty();
    }
  }

  @Test
  void beyond_five_parts_the_answer_says_how_much_was_not_read() {
    try (LiveChatwoot cw =
        new LiveChatwoot(TestBot.builder().clock(LiveChatwoot.clock()), chatwoot)) {
      String paragraph = "x".repeat(3900);
      String text = String.join("\n\n", java.util.Collections.nCopies(7, paragraph));

      String answer =
          cw.deliver(LiveChatwoot.message("message_created_incoming.json", 5001, text)).body();

      assertThat(answer).contains("read as 5 messages; the last 7800 characters were not read");
    }
  }
}
