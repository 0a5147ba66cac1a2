package loginbot.dialogue.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shapes of the non-case content files, as parsed. */
final class ContentFiles {
  private ContentFiles() {}

  /**
   * {@code catalog.yaml}: which cases exist, the named menus (lists of case ids, in order) and the
   * facts the content may record or test (name: what it means).
   */
  record Index(List<String> cases, Map<String, List<String>> menus, Map<String, Fact> facts) {
    Index {
      cases = cases == null ? List.of() : List.copyOf(cases);
      menus = menus == null ? Map.of() : copyMenus(menus);
      Map<String, Fact> copy = new LinkedHashMap<>();
      if (facts != null) {
        facts.forEach((k, v) -> copy.put(k, v == null ? Fact.of("") : v));
      }
      facts = Collections.unmodifiableMap(copy);
    }

    private static Map<String, List<String>> copyMenus(Map<String, List<String>> menus) {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      menus.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
      return Collections.unmodifiableMap(copy);
    }
  }

  /**
   * A fact of {@code catalog.yaml}: what it means, and the values it may take when they are listed
   * ({@code means:} and {@code values:}); written as a plain text, it lists none.
   */
  record Fact(String means, List<String> values) {
    @JsonCreator
    Fact(@JsonProperty("means") String means, @JsonProperty("values") List<String> values) {
      this.means = means == null ? "" : means;
      this.values = values == null ? List.of() : List.copyOf(values);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Fact of(String means) {
      return new Fact(means, List.of());
    }
  }

  /** {@code system.yaml}: the bot's own messages and button titles, per key then language. */
  record SystemTexts(
      Map<String, Map<String, String>> messages, Map<String, Map<String, String>> buttons) {
    SystemTexts {
      messages = messages == null ? Map.of() : Map.copyOf(messages);
      buttons = buttons == null ? Map.of() : Map.copyOf(buttons);
    }
  }
}
