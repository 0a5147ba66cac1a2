package loginbot.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A folder of data files, on disk or packaged in the jar, read as a {@link Path} so that listing
 * its files (which decides the labels and languages) works the same in both places.
 */
public final class ResourceDir {
  private ResourceDir() {}

  /** Applies {@code read} to {@code dir} if given, else to the class path folder {@code name}. */
  public static <T> T open(Optional<Path> dir, String name, Function<Path, T> read) {
    if (dir.isPresent()) {
      return read.apply(dir.get());
    }
    URL url = ResourceDir.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("missing from the class path: " + name + "/");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return read.apply(Path.of(uri));
      }
      return read.apply(jarFileSystem(uri).provider().getPath(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read " + name + "/ from the class path", e);
    }
  }

  /**
   * The file system of the jar this process runs from, opened once and left open: opening it
   * indexes every entry of the jar (14,000, mostly libraries), which cost 20-60 ms of start-up CPU
   * each time the intents and the language folders were listed. Left open, two threads listing at
   * once (the training and the main thread) also never see it closed under them.
   */
  private static FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.getFileSystem(uri);
    } catch (FileSystemNotFoundException notYetOpen) {
      try {
        return FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException openedMeanwhile) {
        return FileSystems.getFileSystem(uri);
      }
    }
  }

  /** The folder's entries, sorted by name; none when it is not a folder. */
  public static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
