package loginbot.dialogue.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interface strings of the widget and the agent console ({@code content/lang/<code>/ui.yaml}),
 * per section ({@code widget}, {@code console}), then language code, then key. Every language has
 * every key of the reference language, with the same placeholders (checked by {@link UiFiles}).
 * Immutable.
 */
public final class UiStrings {
  /** The section the widget shows. */
  public static final String WIDGET = "widget";

  /** The section the agent console shows. */
  public static final String CONSOLE = "console";

  private final List<String> languages;
  private final Map<String, Map<String, Map<String, String>>> byLanguage;

  UiStrings(Map<String, Map<String, Map<String, String>>> byLanguage) {
    Map<String, Map<String, Map<String, String>>> copy = new LinkedHashMap<>();
    byLanguage.forEach((code, sections) -> copy.put(code, copySections(sections)));
    this.byLanguage = Collections.unmodifiableMap(copy);
    this.languages = List.copyOf(copy.keySet());
  }

  /** The language codes, the reference language first. */
  public List<String> languages() {
    return languages;
  }

  /** One section's strings: language code → key → text, the reference language first. */
  public Map<String, Map<String, String>> section(String name) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    byLanguage.forEach((code, sections) -> out.put(code, sections.getOrDefault(name, Map.of())));
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Map<String, String>> copySections(
      Map<String, Map<String, String>> sections) {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    sections.forEach(
        (name, keys) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(keys))));
    return Collections.unmodifiableMap(copy);
  }
}
