package loginbot.dialogue.content;

import static loginbot.dialogue.content.ContentCatalogTest.source;
import static loginbot.dialogue.content.ContentCatalogTest.withEdit;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facts users may state ({@code facts:} of lang/<code>/words.yaml) are those catalog.yaml
 * declares, with its values: a typo there would silently never skip a step.
 */
class FactCuesTest {

  @Test
  void a_fact_cue_naming_an_undeclared_fact_is_named_with_its_file() {
    Map<String, String> files =
        withEdit(
            "content/lang/fr/words.yaml",
            text -> text.replaceFirst("fact: spam_checked", "fact: spam_check"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/lang/fr/words.yaml: facts: fact 'spam_check': unknown fact (declare it under"
                + " 'facts' in content/catalog.yaml)");
  }

  @Test
  void a_fact_cue_stating_a_value_the_catalog_does_not_list_is_named() {
    Map<String, String> files =
        withEdit(
            "content/lang/en/words.yaml",
            text ->
                text.replaceFirst(
                    "fact: app_updated\n    value: \"yes\"",
                    "fact: app_updated\n    value: \"y\""));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/lang/en/words.yaml: facts: fact 'app_updated': unknown value 'y' (the values"
                + " in content/catalog.yaml are yes)");
  }

  @Test
  void a_fact_users_may_state_must_list_its_values() {
    Map<String, String> files =
        withEdit(
            "content/catalog.yaml",
            text ->
                text.replaceFirst(
                    "  app_updated:\n    means: (.*)\n    values: \\[\"yes\"]",
                    "  app_updated: $1"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/lang/en/words.yaml: facts: fact 'app_updated': content/catalog.yaml lists no"
                + " values for it (write means: and values: [yes, ...])");
  }

  @Test
  void a_case_testing_a_value_the_catalog_does_not_list_is_named() {
    Map<String, String> files =
        withEdit(
            "content/cases/app_update.yaml",
            text ->
                text.replaceFirst(
                    "unless: \\{app_updated: \"yes\"}", "unless: {app_updated: \"true\"}"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining("fact 'app_updated' has unknown value 'true'");
  }
}
