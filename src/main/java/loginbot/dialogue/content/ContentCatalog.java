package loginbot.dialogue.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.nlu.Intent;
import loginbot.nlu.Language;

/**
 * The conversation content (cases, steps, the bot's own messages and buttons), loaded and validated
 * once at start-up; immutable and safe to share.
 */
public final class ContentCatalog {
  private final ContentFiles.Index index;
  private final ContentFiles.SystemTexts system;
  private final Map<String, CaseSpec> cases;
  private final Map<Language, Lexicon> words;
  private final Lexicon allWords;

  ContentCatalog(
      ContentFiles.Index index,
      ContentFiles.SystemTexts system,
      Map<String, CaseSpec> cases,
      Map<Language, Lexicon> words) {
    this.index = index;
    this.system = system;
    this.cases = Map.copyOf(cases);
    this.words = Map.copyOf(words);
    this.allWords = Lexicon.merge(List.copyOf(words.values()));
  }

  /** The word lists of one language ({@code lang/<code>/words.yaml}). */
  public Lexicon words(Language language) {
    return words.get(language);
  }

  /** Every language's word lists merged: replies are read with all of them. */
  public Lexicon words() {
    return allWords;
  }

  /**
   * Loads {@code content/} from the classpath; throws {@link IllegalStateException} naming any bad
   * file.
   */
  public static ContentCatalog fromClasspath() {
    return load(ContentSource.classpath());
  }

  public static ContentCatalog load(ContentSource source) {
    return ContentLoader.load(source);
  }

  /** Every case, in catalog order. */
  public List<CaseSpec> cases() {
    return index.cases().stream().map(cases::get).toList();
  }

  public Optional<CaseSpec> find(String caseId) {
    return Optional.ofNullable(caseId == null ? null : cases.get(caseId));
  }

  public Optional<CaseSpec> forIntent(Intent intent) {
    return cases().stream().filter(c -> c.intents().contains(intent.label())).findFirst();
  }

  /** The problems offered as buttons with the greeting. */
  public List<CaseSpec> greetingMenu() {
    return index.greetingMenu().stream().map(cases::get).toList();
  }

  /** The four choices offered after a generic "I can't log in". */
  public List<CaseSpec> cannotLoginMenu() {
    return index.cannotLoginMenu().stream().map(cases::get).toList();
  }

  public String message(Msg msg, Language language) {
    return system.messages().get(msg.key()).get(language.code());
  }

  public String label(Label label, Language language) {
    return system.buttons().get(label.key()).get(language.code());
  }
}
