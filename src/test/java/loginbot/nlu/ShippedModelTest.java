package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model trained at build time: shipped in the jar, used only for the data, configuration and
 * code it was trained from, and then indistinguishable from a fresh training.
 */
class ShippedModelTest {
  private static final TrainingData SHIPPED_DATA = TrainingData.load(Optional.empty());

  @Test
  void the_build_ships_a_model_trained_from_the_intents_it_ships() {
    // given the fingerprint of the intents inside the jar (here: the build's classes)
    String fingerprint = ModelFingerprint.of(SHIPPED_DATA, ClassifierConfig.DEFAULT);

    // when / then
    assertThat(ShippedModel.fromClasspath(fingerprint)).isPresent();
  }

  @Test
  void the_shipped_model_answers_exactly_as_a_fresh_training_does() throws Exception {
    // given
    IntentClassifier shipped =
        ShippedModel.fromClasspath(ModelFingerprint.of(SHIPPED_DATA, ClassifierConfig.DEFAULT))
            .orElseThrow()
            .classifier();
    IntentClassifier fresh = FreshTraining.classifier();
    List<String> messages = new ArrayList<>();
    LabeledFile.read(Path.of("src/test/resources/nlu/heldout.tsv"), SHIPPED_DATA.labels())
        .forEach(line -> messages.add(line.text()));
    SHIPPED_DATA.examples().forEach(e -> messages.add(e.text()));

    // when / then: the same two best intents with the same probabilities, to the last bit
    for (String message : messages) {
      assertThat(shipped.classify(message)).as(message).isEqualTo(fresh.classify(message));
    }
  }

  @Test
  void the_shipped_language_detector_tells_languages_exactly_as_a_fresh_one_does()
      throws Exception {
    // given
    LanguageDetector shipped =
        ShippedModel.fromClasspath(ModelFingerprint.of(SHIPPED_DATA, ClassifierConfig.DEFAULT))
            .orElseThrow()
            .languages();
    LanguageDetector fresh =
        LanguageDetector.train(SHIPPED_DATA, new TextNormalizer(), TrainedNlu.FALLBACK);
    List<String> messages = new ArrayList<>(List.of("ok", "123", "reinitialisation", ""));
    LabeledFile.read(Path.of("src/test/resources/nlu/heldout.tsv"), SHIPPED_DATA.labels())
        .forEach(line -> messages.add(line.text()));
    SHIPPED_DATA.examples().forEach(e -> messages.add(e.text()));

    // when / then: the same languages, and the same verdict where the text does not tell
    assertThat(shipped.languages()).isEqualTo(fresh.languages());
    for (String message : messages) {
      assertThat(shipped.guess(message)).as(message).isEqualTo(fresh.guess(message));
    }
  }

  @Test
  void an_unedited_copy_of_the_intents_on_disk_uses_the_shipped_model(@TempDir Path dir)
      throws IOException {
    // given INTENTS_DIR pointing at a copy of the repository's intents/
    copyIntents(dir);

    // when
    TrainingData copy = TrainingData.load(Optional.of(dir));

    // then
    assertThat(ShippedModel.fromClasspath(ModelFingerprint.of(copy, ClassifierConfig.DEFAULT)))
        .isPresent();
  }

  @Test
  void edited_intents_are_trained_at_start_up_instead(@TempDir Path dir) throws IOException {
    // given an INTENTS_DIR whose data the shipped model was not trained on (a small one, so the
    // training this test causes is quick)
    for (Language language : SHIPPED_DATA.languages()) {
      for (Intent intent : SHIPPED_DATA.labels()) {
        Path file = dir.resolve(language.code()).resolve(intent.label() + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "example of " + intent.label() + " in " + language.code() + "\n");
      }
    }
    Files.writeString(
        dir.resolve("en/forgot_password.txt"),
        "i lost the password of my account somewhere\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    TrainingData edited = TrainingData.load(Optional.of(dir));

    // when
    String fingerprint = ModelFingerprint.of(edited, ClassifierConfig.DEFAULT);
    TrainedNlu nlu = ShippedModel.nlu(edited, DecisionRule.DEFAULT);

    // then the shipped model is refused, and the NLU learnt from the edited data
    assertThat(ShippedModel.fromClasspath(fingerprint)).isEmpty();
    assertThat(nlu.classify("i lost the password of my account somewhere").intent())
        .isEqualTo(Intent.FORGOT_PASSWORD);
    assertThat(nlu.classify("example of account_disabled in fr").intent())
        .isEqualTo(Intent.ACCOUNT_DISABLED);
  }

  @Test
  void any_change_to_the_data_or_the_configuration_changes_the_fingerprint() {
    // given
    TrainingData data = tiny("hello there", "hi");
    String original = ModelFingerprint.of(data, ClassifierConfig.DEFAULT);

    // when / then
    assertThat(ModelFingerprint.of(tiny("hello there", "hi"), ClassifierConfig.DEFAULT))
        .isEqualTo(original);
    assertThat(ModelFingerprint.of(tiny("hello there!", "hi"), ClassifierConfig.DEFAULT))
        .isNotEqualTo(original);
    assertThat(ModelFingerprint.of(tiny("hi", "hello there"), ClassifierConfig.DEFAULT))
        .as("order")
        .isNotEqualTo(original);
    TrainingData relabelled =
        new TrainingData(
            List.of(
                new TrainingExample(Intent.GOODBYE, Language.EN, "hello there"),
                new TrainingExample(Intent.GREETING, Language.EN, "hi")),
            "test");
    assertThat(ModelFingerprint.of(relabelled, ClassifierConfig.DEFAULT)).isNotEqualTo(original);
    TrainingData french =
        new TrainingData(
            List.of(
                new TrainingExample(Intent.GREETING, Language.FR, "hello there"),
                new TrainingExample(Intent.GOODBYE, Language.EN, "hi")),
            "test");
    assertThat(ModelFingerprint.of(french, ClassifierConfig.DEFAULT)).isNotEqualTo(original);
    ClassifierConfig moreIterations =
        new ClassifierConfig(
            ClassifierConfig.DEFAULT.name(),
            Map.of("Algorithm", "MAXENT", "Iterations", "51"),
            ClassifierConfig.DEFAULT.features());
    assertThat(ModelFingerprint.of(data, moreIterations)).isNotEqualTo(original);
    ClassifierConfig wordsOnly =
        new ClassifierConfig(
            ClassifierConfig.DEFAULT.name(),
            ClassifierConfig.DEFAULT.parameters(),
            List.of(new WordFeatures()));
    assertThat(ModelFingerprint.of(data, wordsOnly)).isNotEqualTo(original);
  }

  @Test
  void a_model_is_read_back_only_under_the_fingerprint_it_was_written_with() throws IOException {
    // given a model of two examples, written under its fingerprint
    TrainingData data = tiny("hello there", "bye now");
    String fingerprint = ModelFingerprint.of(data, ClassifierConfig.DEFAULT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShippedModel.write(ShippedModel.Model.train(data), fingerprint, out);
    byte[] bytes = out.toByteArray();

    // when
    Optional<ShippedModel.Model> same =
        ShippedModel.readIfCurrent(new ByteArrayInputStream(bytes), fingerprint);
    Optional<ShippedModel.Model> other =
        ShippedModel.readIfCurrent(
            new ByteArrayInputStream(bytes),
            ModelFingerprint.of(tiny("hello there", "bye"), ClassifierConfig.DEFAULT));

    // then
    assertThat(same).isPresent();
    assertThat(same.get().classifier().classify("hello there").intent()).isEqualTo(Intent.GREETING);
    assertThat(other).isEmpty();
  }

  @Test
  void a_damaged_model_is_refused_instead_of_failing_the_start(@TempDir Path dir)
      throws IOException {
    // given the first half of a valid model file
    TrainingData data = tiny("hello there", "bye now");
    String fingerprint = ModelFingerprint.of(data, ClassifierConfig.DEFAULT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShippedModel.write(ShippedModel.Model.train(data), fingerprint, out);
    byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() / 2);

    // when / then
    assertThat(ShippedModel.readIfCurrent(new ByteArrayInputStream(cut), fingerprint)).isEmpty();
    assertThat(ShippedModel.readIfCurrent(new ByteArrayInputStream(new byte[0]), fingerprint))
        .isEmpty();
  }

  @Test
  void the_build_step_replaces_a_stale_model_and_keeps_a_current_one(@TempDir Path classes)
      throws IOException {
    // given a model file written for other data
    Path file = classes.resolve(ShippedModel.RESOURCE);
    assertThat(ShippedModel.writeIfStale(file, tiny("hello there", "bye now"))).isTrue();
    TrainingData data = tiny("good morning", "see you");
    String fingerprint = ModelFingerprint.of(data, ClassifierConfig.DEFAULT);

    // when the build step runs for the new data, twice
    boolean first = ShippedModel.writeIfStale(file, data);
    byte[] written = Files.readAllBytes(file);
    boolean second = ShippedModel.writeIfStale(file, data);

    // then the stale model was replaced once, and the current one left alone
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(Files.readAllBytes(file)).isEqualTo(written);
    assertThat(ShippedModel.readIfCurrent(new ByteArrayInputStream(written), fingerprint))
        .isPresent();
  }

  private static TrainingData tiny(String greeting, String goodbye) {
    return new TrainingData(
        List.of(
            new TrainingExample(Intent.GREETING, Language.EN, greeting),
            new TrainingExample(Intent.GOODBYE, Language.EN, goodbye)),
        "test");
  }

  private static void copyIntents(Path target) throws IOException {
    Path source = Path.of("intents");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
  }
}
