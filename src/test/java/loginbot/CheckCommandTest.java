package loginbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check CONTENT_DIR INTENTS_DIR}: what a writer runs, read as a writer reads it. */
class CheckCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void the_worked_example_is_ready_and_its_new_intents_are_measured(@TempDir Path dir)
      throws IOException {
    // given the writer's copies with the verification-code article (its intents whole, the
    // others cut to five examples each)
    Path content = dir.resolve("content");
    Path intents = dir.resolve("intents");
    WriterExampleTest.copy(Path.of("src/main/resources/content"), content);
    WriterExampleTest.copy(WriterExampleTest.EXAMPLE.resolve("content"), content);
    fewExamplesOfEachIntent(intents);
    WriterExampleTest.copy(WriterExampleTest.EXAMPLE.resolve("intents"), intents);

    // when
    int code = check(content, intents);

    // then
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(report)
        .contains("1. Training examples: OK", "2 languages (en, fr), 16 intents")
        .contains("2. Content: OK", "10 cases in en, fr")
        .contains("3. How well the bot recognises what people write")
        .containsPattern("verification_code +\\d+ % of 50 examples")
        .endsWith("Result: ready. The bot starts with these files." + System.lineSeparator());
  }

  @Test
  void problems_are_listed_with_the_writers_own_paths_and_the_bot_is_not_ready(@TempDir Path dir)
      throws IOException {
    // given a copy whose French training file for the new intent is missing
    Path content = dir.resolve("content");
    Path intents = dir.resolve("intents");
    WriterExampleTest.copy(Path.of("src/main/resources/content"), content);
    WriterExampleTest.copy(Path.of("intents"), intents);
    WriterExampleTest.copy(WriterExampleTest.EXAMPLE.resolve("intents"), intents);
    Files.delete(intents.resolve("fr/code_not_accepted.txt"));

    // when
    int code = check(content, intents);

    // then
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("1. Training examples: 1 problem to fix")
        .contains(
            "   - missing training file: "
                + intents.resolve("fr/code_not_accepted.txt")
                + " (other languages have it)")
        .contains("Result: not ready.");
  }

  @Test
  void a_missing_interface_word_and_a_fact_value_the_catalog_lacks_are_listed(@TempDir Path dir)
      throws IOException {
    // given a copy whose French ui.yaml lacks a word and whose words.yaml states an unknown value
    Path content = dir.resolve("content");
    WriterExampleTest.copy(Path.of("src/main/resources/content"), content);
    Path ui = content.resolve("lang/fr/ui.yaml");
    Files.writeString(ui, Files.readString(ui).replace("\n  take: \"Prendre\"", ""));
    Path words = content.resolve("lang/en/words.yaml");
    Files.writeString(
        words,
        Files.readString(words)
            .replace(
                "fact: app_updated\n    value: \"yes\"", "fact: app_updated\n    value: \"done\""));

    // when
    int code = check(content, fewExamplesOfEachIntent(dir.resolve("intents")));

    // then
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            content.resolve("lang/fr/ui.yaml")
                + ": console.take: missing ("
                + content.resolve("lang/en/ui.yaml")
                + " has it)")
        .contains(
            content.resolve("lang/en/words.yaml")
                + ": facts: fact 'app_updated': unknown value 'done'")
        .contains("Result: not ready.");
  }

  /**
   * A copy of the intents with five examples of each, so that the report's recognition part (a
   * cross-validation, trained five times) is quick where the content is what a test is about.
   */
  private static Path fewExamplesOfEachIntent(Path to) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("intents"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        Path copy = to.resolve(Path.of("intents").relativize(file));
        Files.createDirectories(copy.getParent());
        List<String> examples =
            Files.readAllLines(file).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .limit(5)
                .toList();
        Files.write(copy, examples);
      }
    }
    return to;
  }

  private int check(Path content, Path intents) {
    return Main.run(
        List.of("check", content.toString(), intents.toString()),
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
