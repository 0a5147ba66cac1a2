package loginbot.dialogue.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every key the pages look up is in the reference ui.yaml, so no page ever shows a raw key: the
 * widget's {@code t('key')}, {@code T.key} and {@code label(node, 'key')}, the console's {@code
 * t('key')}, {@code data-i18n="key"} and {@code data-i18n-attr="attr:key"} (console-strings.js,
 * which looks them up, excepted).
 */
class InterfaceKeysTest {
  private static final Path PUBLIC = Path.of("src/main/resources/public");

  @Test
  void every_key_the_widget_uses_is_in_english_widget_strings() throws IOException {
    String script = Files.readString(PUBLIC.resolve("widget.js"));
    Set<String> used =
        keys(
            script,
            "\\bt\\('(\\w+)'",
            "\\bT\\.(\\w+)",
            "label\\([^;]*?, '(\\w+)'(?:, '[\\w-]+')?\\)");

    assertThat(used).hasSizeGreaterThan(20);
    assertThat(english(UiStrings.WIDGET)).containsAll(used);
  }

  @Test
  void every_key_the_console_pages_use_is_in_english_console_strings() throws IOException {
    Set<String> used = new TreeSet<>();
    try (var files = Files.list(PUBLIC)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (Set.of("widget.js", "index.html", "console-strings.js").contains(name)) {
          continue;
        }
        String text = Files.readString(file);
        used.addAll(
            keys(text, "\\bt\\('(\\w+)'", "data-i18n=\"(\\w+)\"", "count\\([^)]*, '(\\w+)'\\)"));
        Matcher attrs = Pattern.compile("data-i18n-attr=\"([^\"]+)\"").matcher(text);
        while (attrs.find()) {
          for (String pair : attrs.group(1).split(";")) {
            used.add(pair.split(":")[1].trim());
          }
        }
      }
    }

    assertThat(used).hasSizeGreaterThan(150);
    assertThat(english(UiStrings.CONSOLE)).containsAll(used);
  }

  private static Set<String> english(String section) {
    return ContentCatalog.fromClasspath().ui().section(section).get("en").keySet();
  }

  private static Set<String> keys(String text, String... patterns) {
    Set<String> found = new TreeSet<>();
    for (String p : patterns) {
      Matcher m = Pattern.compile(p).matcher(text);
      while (m.find()) {
        found.add(m.group(1));
      }
    }
    return found;
  }
}
