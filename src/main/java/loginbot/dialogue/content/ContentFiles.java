package loginbot.dialogue.content;

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
  record Index(List<String> cases, Map<String, List<String>> menus, Map<String, String> facts) {
    Index {
      cases = cases == null ? List.of() : List.copyOf(cases);
      menus = menus == null ? Map.of() : copyMenus(menus);
      facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    private static Map<String, List<String>> copyMenus(Map<String, List<String>> menus) {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      menus.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
      return Collections.unmodifiableMap(copy);
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
