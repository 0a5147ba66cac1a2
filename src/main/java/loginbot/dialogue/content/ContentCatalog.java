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
  /** The menus the bot itself shows, which {@code catalog.yaml} must name. */
  public static final String MAIN_MENU = "main";

  public static final String CANNOT_LOGIN_MENU = "cannot_login";
  private final ContentFiles.Index index;
  private final ContentFiles.SystemTexts system;
  private final Map<String, CaseSpec> cases;
  private final Vocabulary vocabulary;
  private final ContentSource source;
  private final Map<Language, Lexicon> words;
  private final Lexicon allWords;
  private final UiStrings ui;

  ContentCatalog(
      ContentFiles.Index index,
      ContentFiles.SystemTexts system,
      Map<String, CaseSpec> cases,
      Vocabulary vocabulary,
      ContentSource source,
      Map<Language, Lexicon> words,
      UiStrings ui) {
    this.source = source;
    this.ui = ui;
    this.index = index;
    this.system = system;
    this.cases = Map.copyOf(cases);
    this.vocabulary = vocabulary;
    this.words = Map.copyOf(words);
    this.allWords = Lexicon.merge(List.copyOf(words.values()));
  }

  /** Where this content was read from, for the files read beside it (welcome, screens). */
  public ContentSource source() {
    return source;
  }

  /** The languages the bot answers in: those it has training data for. */
  public List<Language> languages() {
    return vocabulary.languages();
  }

  /** {@code language} if the bot speaks it, else the first language (English when it has it). */
  public Language supported(Language language) {
    if (language != null && languages().contains(language)) {
      return language;
    }
    return languages().contains(Language.EN) ? Language.EN : languages().get(0);
  }

  /** The word lists of one language ({@code lang/<code>/words.yaml}). */
  public Lexicon words(Language language) {
    return words.get(language);
  }

  /** The widget's and the console's interface strings ({@code lang/<code>/ui.yaml}). */
  public UiStrings ui() {
    return ui;
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

  /** Loads content that must match the shipped {@code intents/}. */
  public static ContentCatalog load(ContentSource source) {
    return load(source, Vocabulary.shipped());
  }

  /** Loads content that must match {@code vocabulary}'s languages and intents. */
  public static ContentCatalog load(ContentSource source, Vocabulary vocabulary) {
    return ContentLoader.load(source, vocabulary);
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

  /** The cases of a named menu of {@code catalog.yaml}, in order; none for an unknown name. */
  public List<CaseSpec> menu(String name) {
    return index.menus().getOrDefault(name, List.of()).stream().map(cases::get).toList();
  }

  /** The problems offered as buttons with the greeting and whenever the bot shows what it does. */
  public List<CaseSpec> greetingMenu() {
    return menu(MAIN_MENU);
  }

  /** The choices offered after a generic "I can't log in". */
  public List<CaseSpec> cannotLoginMenu() {
    return menu(CANNOT_LOGIN_MENU);
  }

  public String message(Msg msg, Language language) {
    return system.messages().get(msg.key()).get(supported(language).code());
  }

  public String label(Label label, Language language) {
    return system.buttons().get(label.key()).get(supported(language).code());
  }
}
