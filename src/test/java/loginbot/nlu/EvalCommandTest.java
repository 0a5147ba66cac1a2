package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  private static TrainingData data;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void load() {
    data = FreshTraining.data();
  }

  @Test
  void json_report_has_the_contract_fields_and_the_misclassified_lines() throws IOException {
    // given a file with a BOM, a blank line and one line labelled wrongly on purpose
    Path file =
        write(
            "\uFEFFforgot_password\tI forgot my password\n\n"
                + "greeting\thello there\n"
                + "account_disabled\tI forgot my password\n"
                + "out_of_scope\thow do I cancel my subscription\n");

    // when
    int code = run(file.toString(), "--json");

    // then
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.has("accuracy")).isTrue();
    assertThat(json.fieldNames())
        .toIterable()
        .contains(
            "accuracy",
            "macro_f1",
            "in_scope_accuracy",
            "oos_recall",
            "oos_precision",
            "per_label",
            "errors",
            "confusion");
    assertThat(json.get("lines").asInt()).isEqualTo(4);
    assertThat(json.get("per_label").get("forgot_password").get("support").asInt()).isEqualTo(1);
    assertThat(json.get("per_label").get("forgot_password").fieldNames())
        .toIterable()
        .containsExactly("precision", "recall", "f1", "support");
    JsonNode error = json.get("errors").get(0);
    assertThat(json.get("errors")).hasSize(1);
    assertThat(error.get("line").asInt()).isEqualTo(4);
    assertThat(error.get("expected").asText()).isEqualTo("account_disabled");
    assertThat(error.get("predicted").asText()).isEqualTo("forgot_password");
    assertThat(error.get("text").asText()).isEqualTo("I forgot my password");
    assertThat(error.get("confidence").isNumber()).isTrue();
    assertThat(json.get("confusion").get("account_disabled").get("forgot_password").asInt())
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void json_report_escapes_accents_so_any_console_charset_keeps_it_exact() throws IOException {
    // given
    Path file =
        write("forgot_password\tj'ai oublié mon mot de passe\naccount_disabled\tj'ai oublié\n");

    // when
    int code = run(file.toString(), "--json");

    // then
    String raw = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(raw)
        .isEqualTo(new String(raw.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII));
    JsonNode json = new ObjectMapper().readTree(raw);
    assertThat(json.get("errors").get(0).get("text").asText()).isEqualTo("j'ai oublié");
  }

  @Test
  void text_report_shows_scores_confusion_matrix_and_misclassified_lines() throws IOException {
    // given
    Path file =
        write("forgot_password\tI forgot my password\naccount_disabled\tI forgot my password\n");

    // when
    int code = run(file.toString());

    // then
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(report)
        .contains(
            "accuracy 0.500",
            "precision",
            "recall",
            "confusion matrix",
            "misclassified lines (1)",
            "line 2: expected account_disabled, got forgot_password");
  }

  @Test
  void a_missing_file_is_named() {
    // given
    Path file = dir.resolve("nope.tsv");

    // when
    int code = run(file.toString());

    // then
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(file.toString(), "no such file");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void a_line_without_a_tab_is_named_by_file_and_line() throws IOException {
    // given
    Path file = write("greeting\thello\ngreeting hello again\n");

    // when
    int code = run(file.toString(), "--json");

    // then
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":2:", "no tab");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void an_unknown_label_is_named_by_file_and_line() throws IOException {
    // given
    Path file = write("greeting\thello\n\nforgotten_password\tI forgot it\n");

    // when
    int code = run(file.toString());

    // then
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(file + ":3:", "unknown label 'forgotten_password'");
  }

  @Test
  void a_file_without_lines_is_refused() throws IOException {
    // given
    Path file = write("\n\n# nothing here\n");

    // when
    int code = run(file.toString());

    // then
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(file.toString(), "no label<TAB>text lines");
  }

  @Test
  void a_file_that_is_not_utf8_is_refused() throws IOException {
    // given
    Path file = dir.resolve("latin1.tsv");
    Files.write(file, "greeting\tall\u00f4\n".getBytes(StandardCharsets.ISO_8859_1));

    // when
    int code = run(file.toString());

    // then
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(file.toString(), "not valid UTF-8");
  }

  @Test
  void bad_usage_exits_with_2_and_the_usage() {
    // given / when
    int none = run();
    int unknownOption = run("file.tsv", "--yaml");

    // then
    assertThat(List.of(none, unknownOption)).containsOnly(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("usage: eval FILE... [--json]", "unknown option --yaml");
  }

  @Test
  void several_files_with_categories_are_scored_per_category_and_per_source() throws IOException {
    // given one file with a category column and one in the two-column format
    Path tagged =
        write(
            "tagged.tsv",
            "forgot_password\tI forgot my password\tplain\n"
                + "account_disabled\tI forgot my password\tnegation\n"
                + "greeting\thello there\tsmall_talk\n");
    Path plain = write("plain.tsv", "greeting\thello there\n");

    // when
    int code = runAsTheCommandLine(tagged.toString(), plain.toString(), "--json");

    // then
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.get("lines").asInt()).isEqualTo(4);
    assertThat(json.get("per_category").fieldNames())
        .toIterable()
        .containsExactly("plain", "negation", "small_talk");
    assertThat(json.get("per_category").get("plain").get("accuracy").asDouble()).isEqualTo(1.0);
    assertThat(json.get("per_category").get("negation").get("accuracy").asDouble()).isZero();
    assertThat(json.get("per_source").get("tagged.tsv").get("lines").asInt()).isEqualTo(3);
    assertThat(json.get("per_source").get("plain.tsv").get("accuracy").asDouble()).isEqualTo(1.0);
    assertThat(json.get("training_ms").asLong()).isPositive();
    assertThat(json.get("micros_per_message").asDouble()).isPositive();
    assertThat(json.get("errors").get(0).get("source").asText()).isEqualTo("tagged.tsv");
    assertThat(json.get("errors").get(0).get("category").asText()).isEqualTo("negation");
  }

  @Test
  void text_report_prints_the_categories_and_the_timings() throws IOException {
    // given
    Path file =
        write("greeting\thello there\tsmall_talk\nforgot_password\tI forgot my password\tplain\n");

    // when
    int code = run(file.toString());

    // then
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(report).contains("training", "us per message", "category", "small_talk", "plain");
  }

  /** Runs eval with the training time of the one training this JVM shares (FreshTraining). */
  private int run(String... args) {
    return EvalCommand.run(
        List.of(args),
        data,
        DecisionRule.DEFAULT,
        FreshTraining::millis,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** Runs eval as the command line does, timing a training of its own. */
  private int runAsTheCommandLine(String... args) {
    return EvalCommand.run(
        List.of(args),
        data,
        DecisionRule.DEFAULT,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path write(String content) throws IOException {
    return write("eval.tsv", content);
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
