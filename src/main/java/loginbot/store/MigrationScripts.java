package loginbot.store;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versioned SQL scripts shipped under {@code db/migration}, with the checksum Flyway records
 * for each. Empty when there is anything this class does not understand (a repeatable script, a
 * callback, an unreadable location), so that the caller leaves the decision to Flyway.
 */
final class MigrationScripts {
  private static final String DIRECTORY = "db/migration";
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.sql");

  private MigrationScripts() {}

  /** Version (as Flyway writes it in its history) to checksum; empty when unsure. */
  static Map<String, Integer> checksumsByVersion() {
    return checksumsByVersion(MigrationScripts.class.getClassLoader());
  }

  static Map<String, Integer> checksumsByVersion(ClassLoader loader) {
    try {
      return checksumsByVersion(Collections.list(loader.getResources(DIRECTORY)));
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** For the {@code db/migration} directories given (a jar's or a folder's). */
  static Map<String, Integer> checksumsByVersion(List<URL> locations) {
    Map<String, Integer> scripts = new HashMap<>();
    try {
      for (URL location : locations) {
        for (Map.Entry<String, byte[]> file : files(location).entrySet()) {
          Matcher name = VERSIONED.matcher(file.getKey());
          if (!name.matches()) {
            return Map.of();
          }
          String version = MigrationVersion.fromVersion(name.group(1)).getVersion();
          if (scripts.put(version, checksum(file.getValue())) != null) {
            return Map.of();
          }
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Map.of();
    }
    return scripts;
  }

  /**
   * Flyway's checksum: CRC-32 over the UTF-8 bytes of each line without its line break, a leading
   * byte-order mark removed. Line breaks do not count, so a script checked out with CRLF matches.
   */
  static int checksum(byte[] script) throws IOException {
    CRC32 crc = new CRC32();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(script), StandardCharsets.UTF_8))) {
      String line = lines.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null; line = lines.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return (int) crc.getValue();
  }

  /**
   * Name (relative to the location) to content, for the files of one location: a directory or a
   * jar.
   */
  private static Map<String, byte[]> files(URL location) throws IOException, URISyntaxException {
    Map<String, byte[]> files = new HashMap<>();
    switch (location.getProtocol()) {
      case "file" -> {
        try (Stream<Path> list = Files.list(Path.of(location.toURI()))) {
          for (Path file : list.toList()) {
            files.put(file.getFileName().toString(), Files.readAllBytes(file));
          }
        }
      }
      case "jar" -> {
        JarURLConnection connection = (JarURLConnection) location.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          // The entry is the directory, with or without its trailing slash.
          String prefix = connection.getEntryName().replaceAll("/+$", "") + "/";
          List<JarEntry> entries =
              jar.stream().filter(e -> e.getName().startsWith(prefix) && !e.isDirectory()).toList();
          for (JarEntry entry : entries) {
            // Flyway also finds scripts in subdirectories: keep the full relative name, which the
            // caller's pattern then refuses.
            try (InputStream in = jar.getInputStream(entry)) {
              files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
            }
          }
        }
      }
      default -> throw new IOException("unsupported location " + location);
    }
    return files;
  }
}
