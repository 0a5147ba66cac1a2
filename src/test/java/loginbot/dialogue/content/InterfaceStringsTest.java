package loginbot.dialogue.content;

import static loginbot.dialogue.content.ContentCatalogTest.source;
import static loginbot.dialogue.content.ContentCatalogTest.withEdit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code lang/<code>/ui.yaml}: the widget's and console's words are content, checked at start. */
class InterfaceStringsTest {

  @Test
  void every_language_has_every_widget_and_console_string_of_english() {
    UiStrings ui = ContentCatalog.fromClasspath().ui();

    assertThat(ui.languages()).containsExactly("en", "fr");
    for (String section : new String[] {UiStrings.WIDGET, UiStrings.CONSOLE}) {
      Map<String, Map<String, String>> texts = ui.section(section);
      assertThat(texts.get("fr").keySet()).isEqualTo(texts.get("en").keySet()).isNotEmpty();
    }
    assertThat(ui.section(UiStrings.WIDGET).get("fr")).containsEntry("send", "Envoyer");
    assertThat(ui.section(UiStrings.CONSOLE).get("en")).containsEntry("take", "Take");
  }

  @Test
  void a_missing_string_is_named_with_its_file_and_key() {
    Map<String, String> files =
        withEdit(
            "content/lang/fr/ui.yaml", text -> text.replaceFirst("\n  retry: \"Réessayer\"", ""));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/lang/fr/ui.yaml: widget.retry: missing (content/lang/en/ui.yaml has it)");
  }

  @Test
  void a_placeholder_that_differs_from_english_is_named() {
    Map<String, String> files =
        withEdit("content/lang/fr/ui.yaml", text -> text.replace("Vu par {name}", "Vu par {nom}"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/lang/fr/ui.yaml: widget.seen: placeholders [{nom}] differ from [{name}] in"
                + " content/lang/en/ui.yaml");
  }

  @Test
  void a_key_english_does_not_have_and_an_empty_text_are_named() {
    Map<String, String> files =
        withEdit(
            "content/lang/fr/ui.yaml",
            text ->
                text.replace("  send: \"Envoyer\"", "  sned: \"Envoyer\"\n  send: \"\"")
                    .replace("  take: \"Prendre\"", "  take:"));

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/lang/fr/ui.yaml: widget.sned: unknown key (not in content/lang/en/ui.yaml)")
        .hasMessageContaining("content/lang/fr/ui.yaml: widget.send: needs a text")
        .hasMessageContaining("content/lang/fr/ui.yaml: console.take: needs a text");
  }

  @Test
  void a_missing_file_is_named_with_the_other_problems() {
    Map<String, String> files =
        withEdit(
            "content/system.yaml", text -> text.replaceFirst("\n    fr: \"Est-ce que[^\n]*", ""));
    files.remove("content/lang/fr/ui.yaml");

    assertThatThrownBy(() -> ContentCatalog.load(source(files)))
        .hasMessageContaining(
            "content/lang/fr/ui.yaml: missing file (the widget's and console's words in this"
                + " language)")
        .hasMessageContaining("content/system.yaml: message 'did_it_work': missing language 'fr'");
  }
}
