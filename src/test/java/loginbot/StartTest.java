package loginbot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start whose intents or content are broken stops with the problem named, although the intents
 * are read, and the store opened, on threads of their own.
 */
class StartTest {

  @Test
  void a_start_on_intents_missing_a_file_stops_and_names_the_file(@TempDir Path dir)
      throws IOException {
    // given a copy of the intents with an English file removed
    Path intents = dir.resolve("intents");
    WriterExampleTest.copy(Path.of("intents"), intents);
    Files.delete(intents.resolve("en/deny.txt"));

    // when / then
    assertThatThrownBy(() -> App.start(config(dir, "INTENTS_DIR", intents)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing training file: " + intents.resolve("en/deny.txt"));
  }

  @Test
  void a_start_on_content_missing_a_text_stops_and_names_the_text(@TempDir Path dir)
      throws IOException {
    // given a copy of the content with the French "Did that work?" removed
    Path content = dir.resolve("content");
    WriterExampleTest.copy(Path.of("src/main/resources/content"), content);
    Path system = content.resolve("system.yaml");
    Files.writeString(
        system, Files.readString(system).replaceFirst("\n *fr: \"Est-ce que ça a fonct[^\n]*", ""));

    // when / then
    assertThatThrownBy(() -> App.start(config(dir, "CONTENT_DIR", content)))
        .hasMessageContaining("message 'did_it_work': missing language 'fr'");
  }

  private static Config config(Path dir, String name, Path value) {
    return Config.fromEnv(
        Map.of("PORT", "0", "DATA_DIR", dir.resolve("data").toString(), name, value.toString()));
  }
}
