package loginbot.dialogue.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import loginbot.nlu.ContentText;
import loginbot.nlu.Language;

/**
 * Reads and checks {@code content/welcome.yaml}: per role, a greeting per language and starters.
 */
public final class WelcomeFile {
  public static final String FILE = "content/welcome.yaml";
  public static final String HUMAN = "human";
  public static final String UNKNOWN = "unknown";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** One role's entry in the file. */
  public record Entry(Map<String, String> text, List<String> starters) {}

  private WelcomeFile() {}

  /** The file's entries by role; {@link IllegalStateException} naming the file and key if wrong. */
  public static Map<String, Entry> read(ContentSource source, ContentCatalog content) {
    ContentText text =
        source.text(FILE).orElseThrow(() -> new IllegalStateException(FILE + ": missing"));
    Map<String, Entry> entries;
    try {
      entries = text.read(MAPPER, new TypeReference<Map<String, Entry>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(FILE + ": " + e.getOriginalMessage(), e);
    }
    for (String role : List.of("customer", "professional", UNKNOWN)) {
      Entry entry = entries.get(role);
      if (entry == null || entry.text() == null || entry.starters() == null) {
        throw new IllegalStateException(FILE + ": '" + role + "' needs a text and starters");
      }
      for (Language language : content.languages()) {
        String greeting = entry.text().get(language.code());
        if (greeting == null || greeting.isBlank()) {
          throw new IllegalStateException(
              FILE + ": '" + role + "' has no text in '" + language.code() + "'");
        }
      }
      for (String starter : entry.starters()) {
        if (!starter.equals(HUMAN) && content.find(starter).isEmpty()) {
          throw new IllegalStateException(
              FILE + ": '" + role + "' starts unknown case '" + starter + "'");
        }
      }
    }
    return Map.copyOf(entries);
  }
}
