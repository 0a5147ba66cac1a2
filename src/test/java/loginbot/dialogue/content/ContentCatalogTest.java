package loginbot.dialogue.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.Role;
import loginbot.nlu.Intent;
import loginbot.nlu.Language;
import org.junit.jupiter.api.Test;

class ContentCatalogTest {
  private final ContentCatalog catalog = ContentCatalog.fromClasspath();

  @Test
  void every_case_has_steps_for_both_roles_in_both_languages() {
    assertThat(catalog.cases()).hasSizeGreaterThanOrEqualTo(8);

    for (CaseSpec spec : catalog.cases()) {
      for (Language language : catalog.languages()) {
        assertThat(spec.title(language)).as(spec.id() + " title " + language).isNotBlank();
      }
      for (Role role : Role.values()) {
        assertThat(spec.steps(role)).as(spec.id() + " " + role).isNotEmpty();
        for (Step step : spec.steps(role)) {
          for (Language language : catalog.languages()) {
            assertThat(step.text(language))
                .as(spec.id() + "/" + role + "/" + step.id() + " " + language)
                .isNotBlank();
          }
        }
      }
    }
  }

  @Test
  void every_trained_intent_the_bot_does_not_answer_itself_starts_a_case() {
    for (Intent intent : Vocabulary.shipped().intents()) {
      if (intent.isConversational()) {
        continue;
      }
      assertThat(catalog.forIntent(intent)).as(intent.label()).isPresent();
    }
  }

  @Test
  void every_system_message_and_button_exists_in_both_languages() {
    for (Language language : catalog.languages()) {
      for (Msg msg : Msg.values()) {
        assertThat(catalog.message(msg, language)).as(msg + " " + language).isNotBlank();
      }
      for (Label label : Label.values()) {
        assertThat(catalog.label(label, language)).as(label + " " + language).isNotBlank();
      }
    }
  }

  @Test
  void a_missing_language_fails_naming_the_file_case_role_step_and_language() {
    Map<String, String> files =
        withEdit(
            "content/cases/forgot_password.yaml",
            text -> text.replaceFirst("(?m)^ +fr: \"Votre professionnel peut aussi.*\\n", ""));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("content/cases/forgot_password.yaml")
        .hasMessageContaining("role 'customer' step 'ask_professional'")
        .hasMessageContaining("missing language 'fr'");
  }

  @Test
  void a_missing_role_fails_naming_the_file_and_role() {
    Map<String, String> files =
        withEdit(
            "content/cases/app_update.yaml",
            text -> text.substring(0, text.indexOf("  professional:")));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("content/cases/app_update.yaml")
        .hasMessageContaining("missing role 'professional'");
  }

  @Test
  void an_unknown_step_target_fails_naming_the_file_and_target() {
    Map<String, String> files =
        withEdit(
            "content/cases/temporary_password.yaml",
            text -> text.replace("go: check_displayed_email", "go: check_the_email"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("content/cases/temporary_password.yaml")
        .hasMessageContaining("target step 'check_the_email' does not exist");
  }

  @Test
  void a_missing_case_file_fails_naming_it() {
    Map<String, String> files = allFiles();
    files.remove("content/cases/still_unable.yaml");

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("content/cases/still_unable.yaml: missing file");
  }

  @Test
  void a_missing_system_message_fails_naming_the_file() {
    Map<String, String> files =
        withEdit(
            "content/system.yaml",
            text -> text.replaceFirst("(?s)  helpful_question:.*?(?=  rating_question:)", ""));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "content/system.yaml: message 'helpful_question': missing language 'en'");
  }

  @Test
  void malformed_yaml_fails_naming_the_file() {
    Map<String, String> files =
        withEdit("content/cases/account_disabled.yaml", text -> text + "\n  - : [\n");

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("content/cases/account_disabled.yaml");
  }

  @Test
  void an_unknown_placeholder_fails() {
    Map<String, String> files =
        withEdit("content/system.yaml", text -> text.replace("{supportEmail}.\"", "{phone}.\""));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("content/system.yaml")
        .hasMessageContaining("unknown placeholder {phone}");
  }

  @Test
  void an_empty_word_list_fails_naming_the_file_and_the_list() {
    Map<String, String> files =
        withEdit(
            "content/lang/fr/words.yaml",
            text -> text.replaceFirst("(?m)^contrasts: .*$", "contrasts: []"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "content/lang/fr/words.yaml: the list 'contrasts' is missing or empty");
  }

  @Test
  void a_word_that_says_both_yes_and_no_fails_naming_it() {
    Map<String, String> files =
        withEdit(
            "content/lang/en/words.yaml", text -> text.replace("\"nope\",", "\"nope\", \"yep\","));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("content/lang/en/words.yaml: 'yep' is in both 'yes' and 'no'");
  }

  @Test
  void word_lists_are_read_as_messages_are_normalised() {
    Lexicon english = ContentCatalog.fromClasspath().words(Language.EN);

    assertThat(english.get(Cue.NEGATION)).contains(java.util.List.of("didnt"));
    assertThat(ContentCatalog.fromClasspath().words(Language.FR).get(Cue.NO))
        .contains(java.util.List.of("pas", "du", "tout"));
  }

  static Map<String, String> allFiles() {
    Map<String, String> files = new HashMap<>();
    ContentSource classpath = ContentSource.classpath();
    for (String path : new String[] {ContentLoader.INDEX, ContentLoader.SYSTEM}) {
      files.put(path, classpath.read(path).orElseThrow());
    }
    for (Language language : Vocabulary.shipped().languages()) {
      for (String path : new String[] {WordsLoader.file(language), UiFiles.file(language)}) {
        files.put(path, classpath.read(path).orElseThrow());
      }
    }
    for (CaseSpec spec : ContentCatalog.fromClasspath().cases()) {
      String path = ContentLoader.caseFile(spec.id());
      files.put(path, classpath.read(path).orElseThrow());
    }
    return files;
  }

  static Map<String, String> withEdit(String path, java.util.function.UnaryOperator<String> edit) {
    Map<String, String> files = allFiles();
    String before = files.get(path);
    String after = edit.apply(before);
    assertThat(after).as("the edit must change " + path).isNotEqualTo(before);
    files.put(path, after);
    return files;
  }

  static ContentSource source(Map<String, String> files) {
    return path -> Optional.ofNullable(files.get(path));
  }
}
