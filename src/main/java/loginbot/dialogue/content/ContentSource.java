package loginbot.dialogue.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import loginbot.nlu.ContentText;
import loginbot.nlu.PackagedContent;

/** Where content files come from: the jar, a CONTENT_DIR on disk, or a map of texts in tests. */
@FunctionalInterface
public interface ContentSource {
  /** Every content path starts with this folder, which CONTENT_DIR stands for. */
  String PREFIX = "content/";

  /** The file's text (YAML), or empty when there is no such file. */
  Optional<String> read(String path);

  /** The file as the loaders parse it: its YAML, unless the source has a faster copy. */
  default Optional<ContentText> text(String path) {
    return read(path).map(text -> ContentText.yaml(path, text));
  }

  /**
   * Files under {@code dir}, a copy of {@code src/main/resources/content} (CONTENT_DIR): the path
   * {@code content/cases/x.yaml} is read from {@code dir/cases/x.yaml}.
   */
  static ContentSource directory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("content directory not found: " + dir);
    }
    return path -> {
      String relative = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
      Path file = dir.resolve(relative);
      try {
        return Files.isRegularFile(file)
            ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
            : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    };
  }

  /**
   * Files packaged under {@code src/main/resources}, parsed from the JSON copies the build made of
   * them ({@link PackagedContent}).
   */
  static ContentSource classpath() {
    return new ContentSource() {
      @Override
      public Optional<String> read(String path) {
        return PackagedContent.yaml(path);
      }

      @Override
      public Optional<ContentText> text(String path) {
        return PackagedContent.text(path);
      }
    };
  }
}
