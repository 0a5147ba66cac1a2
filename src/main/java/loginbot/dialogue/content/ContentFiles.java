package loginbot.dialogue.content;

import java.util.List;
import java.util.Map;

/** The shapes of the non-case content files, as parsed. */
final class ContentFiles {
  private ContentFiles() {}

  /** {@code catalog.yaml}: which cases exist and which appear in the two menus, in order. */
  record Index(List<String> cases, List<String> greetingMenu, List<String> cannotLoginMenu) {
    Index {
      cases = cases == null ? List.of() : List.copyOf(cases);
      greetingMenu = greetingMenu == null ? List.of() : List.copyOf(greetingMenu);
      cannotLoginMenu = cannotLoginMenu == null ? List.of() : List.copyOf(cannotLoginMenu);
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
