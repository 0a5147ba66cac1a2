package loginbot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import loginbot.dialogue.TranscriptRunner;
import loginbot.nlu.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The word lists and synonyms a writer edits in CONTENT_DIR are the ones the bot reads replies
 * with: {@code lang/<code>/words.yaml} and {@code lang/<code>/synonyms.yaml} of the copy, not the
 * jar's.
 */
class ContentDirWordsTest {
  private static final List<String> ANSWERED_WITH =
      List.of(
          "> [meta role=customer lang=en]",
          "> The app keeps crashing on my iPhone",
          "< contains: latest version of the mobile app");

  @Test
  void a_yes_word_added_to_the_copy_is_read_as_yes(@TempDir Path dir) throws IOException {
    // given a copy whose English yes list has a word the shipped one lacks
    Config edited = copy(dir);
    edit(edited, "lang/en/words.yaml", "\"yes\": [\n", "\"yes\": [\n  \"jawohl\",\n");

    // then the shipped bot does not take it for a yes, the edited one does
    transcript(shipped(), "< not-contains: glad you're back in", "jawohl");
    transcript(edited, "< contains: glad you're back in", "jawohl");
  }

  @Test
  void a_synonym_added_to_the_copy_is_folded_before_the_reply_is_read(@TempDir Path dir)
      throws IOException {
    // given a copy whose English synonyms fold a new word into one of the "worked" list
    Config edited = copy(dir);
    edit(edited, "lang/en/synonyms.yaml", "password: [", "sorted: [zorted]\npassword: [");

    transcript(shipped(), "< not-contains: glad you're back in", "zorted");
    transcript(edited, "< contains: glad you're back in", "zorted");
  }

  private static void transcript(Config config, String expectation, String reply) {
    TrainingData data = TrainingData.load(config.intentsDir());
    List<String> lines = new java.util.ArrayList<>(ANSWERED_WITH);
    lines.add("> " + reply);
    lines.add(expectation);
    new TranscriptRunner(() -> App.train(config, data), App.content(config, data))
        .run(reply, lines);
  }

  private static Config shipped() {
    return Config.fromEnv(Map.of());
  }

  private static Config copy(Path dir) throws IOException {
    Path content = dir.resolve("content");
    WriterExampleTest.copy(Path.of("src/main/resources/content"), content);
    return Config.fromEnv(Map.of("CONTENT_DIR", content.toString()));
  }

  private static void edit(Config config, String file, String before, String after)
      throws IOException {
    Path path = config.contentDir().orElseThrow().resolve(file);
    String text = Files.readString(path);
    if (!text.contains(before)) {
      throw new AssertionError(file + " has no " + before);
    }
    Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(before), after));
  }
}
