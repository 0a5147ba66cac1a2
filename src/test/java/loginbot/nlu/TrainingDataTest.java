package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {
  private static final Path INTENTS = Path.of("intents");

  @Test
  void the_jar_copy_and_the_directory_hold_the_same_examples() {
    // given / when
    TrainingData packaged = TrainingData.load(Optional.empty());
    TrainingData onDisk = TrainingData.load(Optional.of(INTENTS));

    // then
    assertThat(packaged.examples()).isEqualTo(onDisk.examples());
    assertThat(packaged.source()).isEqualTo("classpath:intents");
  }

  @Test
  void every_in_scope_label_has_40_examples_with_15_in_french_and_out_of_scope_has_150() {
    // given
    TrainingData data = TrainingData.load(Optional.of(INTENTS));

    // when / then
    for (Intent intent : data.labels()) {
      List<TrainingExample> examples = data.of(intent);
      long french = examples.stream().filter(e -> e.language().equals(Language.FR)).count();
      if (intent.equals(Intent.OUT_OF_SCOPE)) {
        assertThat(examples).as(intent.label()).hasSizeGreaterThanOrEqualTo(150);
      } else {
        assertThat(examples).as(intent.label()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(french).as(intent.label() + " in French").isGreaterThanOrEqualTo(15);
      }
    }
  }

  @Test
  void no_example_appears_under_two_labels() {
    // given
    TrainingData data = TrainingData.load(Optional.of(INTENTS));
    TextNormalizer normalizer = new TextNormalizer();
    Map<String, Intent> seen = new HashMap<>();
    Set<String> conflicts = new TreeSet<>();

    // when
    for (TrainingExample e : data.examples()) {
      Intent previous = seen.putIfAbsent(normalizer.normalize(e.text()), e.intent());
      if (previous != null && !previous.equals(e.intent())) {
        conflicts.add("'" + e.text() + "' in " + previous.label() + " and " + e.intent().label());
      }
    }

    // then
    assertThat(conflicts).isEmpty();
  }

  @Test
  void a_missing_file_is_named_in_the_error(@TempDir Path dir) throws IOException {
    // given a complete copy without one file
    copyIntents(dir);
    Files.delete(dir.resolve("fr/deny.txt"));

    // when / then
    assertThatThrownBy(() -> TrainingData.load(Optional.of(dir)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing training file")
        .hasMessageContaining(dir.resolve("fr/deny.txt").toString());
  }

  @Test
  void a_directory_that_does_not_exist_is_named_in_the_error(@TempDir Path dir) {
    // given
    Path missing = dir.resolve("no-such-dir");

    // when / then
    assertThatThrownBy(() -> TrainingData.load(Optional.of(missing)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("intents directory not found: " + missing);
  }

  @Test
  void a_label_with_only_comments_is_named_in_the_error(@TempDir Path dir) throws IOException {
    // given
    copyIntents(dir);
    Files.writeString(dir.resolve("en/app_update.txt"), "# nothing yet\n\n   \n");

    // when / then
    assertThatThrownBy(() -> TrainingData.load(Optional.of(dir)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no examples")
        .hasMessageContaining(dir.resolve("en/app_update.txt").toString());
  }

  @Test
  void comments_blank_lines_and_a_byte_order_mark_are_not_examples(@TempDir Path dir)
      throws IOException {
    // given
    copyIntents(dir);
    Files.writeString(
        dir.resolve("fr/greeting.txt"),
        "\uFEFF# salutations\nbonjour\n\n  salut  \n# fin\n",
        StandardCharsets.UTF_8);

    // when
    TrainingData data = TrainingData.load(Optional.of(dir));

    // then
    assertThat(
            data.of(Intent.GREETING).stream()
                .filter(e -> e.language().equals(Language.FR))
                .map(TrainingExample::text))
        .containsExactly("bonjour", "salut");
  }

  private static void copyIntents(Path target) throws IOException {
    TrainingData shipped = TrainingData.load(Optional.of(INTENTS));
    for (Language language : shipped.languages()) {
      Files.createDirectories(target.resolve(language.code()));
      for (Intent intent : shipped.labels()) {
        String file = language.code() + "/" + intent.label() + ".txt";
        Files.copy(INTENTS.resolve(file), target.resolve(file));
      }
    }
  }
}
