package loginbot.dialogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.ContentSource;
import loginbot.dialogue.content.Label;
import loginbot.nlu.Language;

/**
 * What a chat shows before anyone writes ({@code content/welcome.yaml}): a greeting and starter
 * buttons per role and language, the starters being the article's cases. Validated at start-up.
 */
public final class Welcome {
  static final String FILE = "content/welcome.yaml";
  static final String HUMAN = "human";
  static final String UNKNOWN = "unknown";

  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** One role's entry in the file. */
  record Entry(Map<String, String> text, List<String> starters) {}

  private final ContentCatalog content;
  private final Map<String, Entry> entries;

  private Welcome(ContentCatalog content, Map<String, Entry> entries) {
    this.content = content;
    this.entries = entries;
  }

  /** Loads and checks the file; {@link IllegalStateException} naming the file and key if wrong. */
  public static Welcome load(ContentSource source, ContentCatalog content) {
    String text =
        source.read(FILE).orElseThrow(() -> new IllegalStateException(FILE + ": missing"));
    Map<String, Entry> entries;
    try {
      entries =
          YAML.readValue(
              text, YAML.getTypeFactory().constructMapType(Map.class, String.class, Entry.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(FILE + ": " + e.getOriginalMessage(), e);
    }
    for (String role : List.of(Role.CUSTOMER.code(), Role.PROFESSIONAL.code(), UNKNOWN)) {
      Entry entry = entries.get(role);
      if (entry == null || entry.text() == null || entry.starters() == null) {
        throw new IllegalStateException(FILE + ": '" + role + "' needs a text and starters");
      }
      for (Language language : Language.values()) {
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
    return new Welcome(content, Map.copyOf(entries));
  }

  /** The greeting ({@code {name}} still in it) and its buttons. */
  public Action.Reply greeting(Optional<Role> role, Language language) {
    Entry entry = entries.get(role.map(Role::code).orElse(UNKNOWN));
    List<Button> buttons =
        entry.starters().stream()
            .map(
                s ->
                    s.equals(HUMAN)
                        ? new Button(content.label(Label.HUMAN, language), Command.HUMAN)
                        : new Button(
                            content.find(s).orElseThrow().title(language), Command.startCase(s)))
            .toList();
    return new Action.Reply(entry.text().get(language.code()), buttons);
  }
}
