package loginbot.dialogue.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loginbot.TestBot;
import loginbot.dialogue.Dialogue;
import loginbot.dialogue.Nlus;
import loginbot.dialogue.PasswordMasker;
import loginbot.dialogue.Responder;
import loginbot.handoff.SupportHours;
import loginbot.nlu.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies to "Did that work?" written by people who never saw the project
 * (src/test/resources/eval), each put to the real bot (the trained classifier) right after the
 * question. No negation and no unclear reply may resolve a chat; the rest have floors.
 */
class YesNoAnswersTest {
  private static final Responder BOT =
      new Responder(
          Nlus.forTranscripts(),
          new PasswordMasker(),
          new Dialogue(TestBot.shippedContent(), TestBot.SUPPORT_EMAIL, SupportHours.alwaysOpen()));

  @Test
  void no_english_reply_meant_as_no_or_unclear_resolves_the_chat() throws IOException {
    AnswerReport report = report("yesno-dev-en.tsv", Language.EN);

    assertThat(report.resolvedOnNo()).isEmpty();
    assertThat(report.resolvedOnUnclear()).isEmpty();
    assertThat(report.offTopicTakenAsYesNo()).isEmpty();
    assertThat(report.yesAccepted()).isGreaterThanOrEqualTo(0.85);
    assertThat(report.noRecognised()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void no_french_reply_meant_as_no_or_unclear_resolves_the_chat() throws IOException {
    AnswerReport report = report("yesno-dev-fr.tsv", Language.FR);

    assertThat(report.resolvedOnNo()).isEmpty();
    assertThat(report.resolvedOnUnclear()).isEmpty();
    assertThat(report.offTopicTakenAsYesNo()).isEmpty();
    assertThat(report.yesAccepted()).isGreaterThanOrEqualTo(0.88);
    assertThat(report.noRecognised()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void the_answers_command_prints_the_figures_per_category(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("replies-fr.tsv");
    Files.writeString(
        file,
        "no\tnegation\tabsolument pas\nyes\tplain_yes\toui ça marche\nunclear\thedge\tbof\n",
        StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code =
        AnswersCommand.run(
            List.of(file.toString()),
            BOT,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("resolved on no: 0   resolved on unclear: 0   yes accepted: 1.000")
        .contains("no/negation")
        .contains("unclear/hedge");
  }

  @Test
  void a_malformed_line_is_refused_naming_the_file_and_line(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.tsv");
    Files.writeString(file, "yes\tplain\tok\nperhaps\tx\ty\n", StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        AnswersCommand.run(
            List.of(file.toString()),
            BOT,
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.tsv:2");
  }

  private static AnswerReport report(String name, Language language) throws IOException {
    try (InputStream in = YesNoAnswersTest.class.getResourceAsStream("/eval/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return AnswersCommand.evaluate(ReplySet.parse(name, text), language, BOT);
    }
  }
}
