package loginbot.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
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
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return read.apply(jar.provider().getPath(uri));
      } catch (FileSystemAlreadyExistsException e) {
        return read.apply(FileSystems.getFileSystem(uri).provider().getPath(uri));
      }
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read " + name + "/ from the class path", e);
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
