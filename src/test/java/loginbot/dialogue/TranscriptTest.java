package loginbot.dialogue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import loginbot.dialogue.content.ContentCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every transcript under {@code src/test/resources/transcripts}, played through the real pipeline.
 */
class TranscriptTest {
  private static final ContentCatalog CONTENT = ContentCatalog.fromClasspath();

  @TestFactory
  Stream<DynamicTest> transcripts() throws IOException, URISyntaxException {
    TranscriptRunner runner = new TranscriptRunner(Nlus::forTranscripts, CONTENT);
    return files().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () ->
                        runner.run(
                            file.getFileName().toString(),
                            Files.readAllLines(file, StandardCharsets.UTF_8))));
  }

  static List<Path> files() throws IOException, URISyntaxException {
    Path dir = Path.of(TranscriptTest.class.getClassLoader().getResource("transcripts").toURI());
    try (Stream<Path> paths = Files.list(dir)) {
      return paths.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }
}
