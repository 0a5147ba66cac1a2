package loginbot.dialogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.ContentSource;
import loginbot.dialogue.content.Label;
import loginbot.dialogue.content.WelcomeFile;
import loginbot.nlu.Language;

/**
 * What a chat shows before anyone writes ({@code content/welcome.yaml}): a greeting and starter
 * buttons per role and language, the starters being the article's cases. Validated at start-up.
 */
public final class Welcome {
  private final ContentCatalog content;
  private final Map<String, WelcomeFile.Entry> entries;

  private Welcome(ContentCatalog content, Map<String, WelcomeFile.Entry> entries) {
    this.content = content;
    this.entries = entries;
  }

  /** Loads and checks the file; {@link IllegalStateException} naming the file and key if wrong. */
  public static Welcome load(ContentSource source, ContentCatalog content) {
    return new Welcome(content, WelcomeFile.read(source, content));
  }

  /** The greeting ({@code {name}} still in it) and its buttons. */
  public Action.Reply greeting(Optional<Role> role, Language asked) {
    Language language = content.supported(asked);
    WelcomeFile.Entry entry = entries.get(role.map(Role::code).orElse(WelcomeFile.UNKNOWN));
    List<Button> buttons =
        entry.starters().stream()
            .map(
                s ->
                    s.equals(WelcomeFile.HUMAN)
                        ? new Button(content.label(Label.HUMAN, language), Command.HUMAN)
                        : new Button(
                            content.find(s).orElseThrow().title(language), Command.startCase(s)))
            .toList();
    return new Action.Reply(entry.text().get(language.code()), buttons);
  }
}
