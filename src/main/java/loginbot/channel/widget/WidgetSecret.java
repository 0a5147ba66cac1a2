package loginbot.channel.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key behind widget conversation tokens: {@code WIDGET_SECRET} when set (required when several
 * instances serve the same widgets), else a random key kept in {@code DATA_DIR/widget-secret} so
 * that a restart does not lock visitors out of their open conversations.
 */
public final class WidgetSecret {
  static final String FILE = "widget-secret";
  static final int MIN_CHARS = 32;

  private WidgetSecret() {}

  public static byte[] resolve(Optional<String> configured, Path dataDir) {
    if (configured.isPresent()) {
      String value = configured.get().trim();
      if (value.length() < MIN_CHARS) {
        throw new IllegalArgumentException(
            "WIDGET_SECRET must be at least " + MIN_CHARS + " characters long");
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }
    return fromFile(dataDir.resolve(FILE));
  }

  private static byte[] fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String value = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (value.length() < MIN_CHARS) {
        throw new IllegalStateException(
            file + " holds no usable key; delete it to have a new one generated");
      }
      return value.getBytes(StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the widget key " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE, ".tmp");
    try {
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
      // Never replace a key another process wrote meanwhile: tokens it issued must stay valid.
      Files.move(temp, file);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
