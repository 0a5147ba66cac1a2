package loginbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import loginbot.dialogue.TranscriptRunner;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.nlu.Intent;
import loginbot.nlu.TrainedNlu;
import loginbot.nlu.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of content/README.md, done as a writer does it: copies of content/ and
 * intents/ with the new article's files added, given to the bot as CONTENT_DIR and INTENTS_DIR. No
 * Java changes; the transcripts show the article served in both languages and both roles.
 */
class WriterExampleTest {
  static final Path EXAMPLE = Path.of("src/test/resources/writer-example");

  @TempDir static Path work;
  private static Config config;
  private static TrainingData data;
  private static ContentCatalog content;
  private static TrainedNlu nlu;

  @BeforeAll
  static void a_writer_adds_the_article_to_copies_of_content_and_intents() throws IOException {
    Path contentDir = work.resolve("content");
    Path intentsDir = work.resolve("intents");
    copy(Path.of("src/main/resources/content"), contentDir);
    copy(EXAMPLE.resolve("content"), contentDir);
    copy(Path.of("intents"), intentsDir);
    copy(EXAMPLE.resolve("intents"), intentsDir);
    config =
        Config.fromEnv(
            Map.of("CONTENT_DIR", contentDir.toString(), "INTENTS_DIR", intentsDir.toString()));
    data = TrainingData.load(config.intentsDir());
    content = App.content(config, data);
    nlu = App.train(config, data);
  }

  @Test
  void the_new_intents_and_cases_come_from_the_files_alone() {
    assertThat(data.labels())
        .contains(new Intent("verification_code"), new Intent("code_not_accepted"));
    assertThat(content.forIntent(new Intent("verification_code")).orElseThrow().id())
        .isEqualTo("verification_code");
    assertThat(content.find("code_not_accepted").orElseThrow().differsByRole()).isFalse();
    assertThat(content.find("verification_code").orElseThrow().differsByRole()).isTrue();
  }

  @TestFactory
  Stream<DynamicTest> the_article_is_served_in_both_languages_and_both_roles() throws IOException {
    TranscriptRunner runner = new TranscriptRunner(() -> nlu, content);
    try (Stream<Path> files = Files.list(EXAMPLE.resolve("transcripts"))) {
      List<Path> transcripts = files.sorted().toList();
      assertThat(transcripts).hasSizeGreaterThanOrEqualTo(5);
      return transcripts.stream()
          .map(
              file ->
                  DynamicTest.dynamicTest(
                      file.getFileName().toString(),
                      () ->
                          runner.run(
                              file.getFileName().toString(),
                              Files.readAllLines(file, StandardCharsets.UTF_8))));
    }
  }

  /** Copies {@code from} into {@code to}, replacing files that exist (a writer's overlay). */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      paths.forEach(
          source -> {
            Path target = to.resolve(from.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
