package loginbot.dialogue.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Where content files come from: the classpath in production, a map of texts in tests. */
@FunctionalInterface
public interface ContentSource {

  /** The file's text, or empty when there is no such file. */
  Optional<String> read(String path);

  /** Files packaged under {@code src/main/resources}. */
  static ContentSource classpath() {
    return path -> {
      try (InputStream in = ContentSource.class.getClassLoader().getResourceAsStream(path)) {
        return in == null
            ? Optional.empty()
            : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    };
  }
}
