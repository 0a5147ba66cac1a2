package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WidgetSecretTest {
  @TempDir Path dataDir;

  @Test
  void without_a_configured_secret_a_key_is_generated_once_and_reused() throws Exception {
    byte[] first = WidgetSecret.resolve(Optional.empty(), dataDir.resolve("nested"));
    byte[] second = WidgetSecret.resolve(Optional.empty(), dataDir.resolve("nested"));

    assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
    Path file = dataDir.resolve("nested").resolve(WidgetSecret.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void a_configured_secret_wins_over_the_file() {
    byte[] key =
        WidgetSecret.resolve(Optional.of("0123456789abcdef0123456789abcdef-shared"), dataDir);

    assertThat(new String(key)).isEqualTo("0123456789abcdef0123456789abcdef-shared");
    assertThat(dataDir.resolve(WidgetSecret.FILE)).doesNotExist();
  }

  @Test
  void a_short_configured_secret_fails_naming_the_variable() {
    assertThatThrownBy(() -> WidgetSecret.resolve(Optional.of("short"), dataDir))
        .hasMessageContaining("WIDGET_SECRET");
  }
}
