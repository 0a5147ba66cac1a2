package loginbot.dialogue.content;

import static loginbot.dialogue.content.ContentCatalogTest.source;
import static loginbot.dialogue.content.ContentCatalogTest.withEdit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loginbot.dialogue.Role;
import loginbot.nlu.Intent;
import org.junit.jupiter.api.Test;

/** Content format v2: every key a file refers to exists, and the errors say where. */
class ContentReferencesTest {

  @Test
  void a_misspelt_fact_names_the_file_case_role_step_and_key() {
    Map<String, String> files =
        withEdit(
            "content/cases/temporary_password.yaml",
            text ->
                text.replaceFirst(
                    "unless: \\{several_companies: \"\\*\"}", "unless: {several_company: \"*\"}"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/cases/temporary_password.yaml: case 'temporary_password' role 'professional'"
                + " step 'several_companies_question' unless: unknown fact 'several_company'"
                + " (declare it under 'facts' in content/catalog.yaml)");
  }

  @Test
  void a_menu_entry_or_a_menu_placeholder_that_does_not_exist_is_named() {
    Map<String, String> files =
        withEdit(
            "content/catalog.yaml",
            text ->
                text.replaceFirst("  main:\n    - invalid_credentials", "  main:\n    - invalid"));
    files.computeIfPresent(
        "content/system.yaml",
        (k, text) -> text.replace("log in to the app:{menu}", "log in to the app:{menu:problems}"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/catalog.yaml: menus: menu 'main' lists unknown case 'invalid'")
        .hasMessageContaining(
            "content/system.yaml: message 'not_understood' (en): unknown menu 'problems' in {menu}");
  }

  @Test
  void the_menu_placeholder_lists_the_titles_of_the_menu() {
    ContentCatalog catalog = ContentCatalog.fromClasspath();
    List<String> titles = new ArrayList<>();
    catalog.greetingMenu().forEach(c -> titles.add(c.title(loginbot.nlu.Language.EN)));

    assertThat(catalog.message(Msg.NOT_UNDERSTOOD, loginbot.nlu.Language.EN)).contains("{menu}");
    assertThat(titles).contains("Invalid user / password", "Account disabled");
  }

  @Test
  void a_case_with_steps_for_every_role_does_not_depend_on_the_role() {
    Map<String, String> files =
        withEdit(
            "content/cases/app_update.yaml",
            text -> {
              String customer =
                  text.substring(text.indexOf("    - id:"), text.indexOf("  professional:"));
              return text.substring(0, text.indexOf("roles:"))
                  + "steps:\n"
                  + customer.replace("\n    ", "\n  ").replaceFirst("^    ", "  ");
            });

    CaseSpec spec = ContentCatalog.load(source(files)).find("app_update").orElseThrow();

    assertThat(spec.differsByRole()).isFalse();
    assertThat(spec.steps(Role.PROFESSIONAL)).isEqualTo(spec.steps(Role.CUSTOMER)).hasSize(1);
  }

  @Test
  void steps_and_roles_together_are_refused() {
    Map<String, String> files =
        withEdit(
            "content/cases/app_update.yaml",
            text -> text.replace("roles:", "steps:\n  - id: x\n    text: {en: a, fr: b}\nroles:"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/cases/app_update.yaml: case 'app_update': give either 'steps'");
  }

  @Test
  void a_case_intent_without_training_file_and_a_trained_intent_without_case_are_named() {
    Map<String, String> files =
        withEdit(
            "content/cases/app_update.yaml",
            text -> text.replace("intents: [app_update]", "intents: [app_updates]"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/cases/app_update.yaml: case 'app_update': unknown intent 'app_updates'"
                + " (no training file intents/<language>/app_updates.txt)")
        .hasMessageContaining("intents/*/app_update.txt: no case starts on intent 'app_update'");
  }

  @Test
  void a_case_cannot_take_an_intent_the_bot_answers_itself() {
    Map<String, String> files =
        withEdit(
            "content/cases/app_update.yaml",
            text -> text.replace("intents: [app_update]", "intents: [app_update, greeting]"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining("intent 'greeting' is the bot's own");
    assertThat(Intent.GREETING.isConversational()).isTrue();
  }
}
