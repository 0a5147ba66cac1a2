package loginbot.dialogue.content;

import static org.assertj.core.api.Assertions.assertThat;

import loginbot.nlu.Language;
import org.junit.jupiter.api.Test;

/**
 * The jar's content read from the build's JSON copies (what a start reads) is the content its YAML
 * says: the same catalog, word lists, interface strings and greetings.
 */
class ContentJsonCopyTest {
  private final ContentSource jsonCopies = ContentSource.classpath();
  // A source of the jar's YAML texts alone: the YAML reader, as for CONTENT_DIR.
  private final ContentSource yaml = path -> ContentSource.classpath().read(path);

  @Test
  void the_classpath_source_parses_the_json_copy_and_still_shows_the_yaml_as_written() {
    assertThat(jsonCopies.text(ContentLoader.INDEX).orElseThrow().json()).isTrue();
    assertThat(yaml.text(ContentLoader.INDEX).orElseThrow().json()).isFalse();
    assertThat(jsonCopies.read(ContentLoader.INDEX).orElseThrow()).contains("cases:");
  }

  @Test
  void the_catalog_from_the_json_copies_equals_the_catalog_from_the_yaml() {
    // when
    ContentCatalog fromJson = ContentCatalog.load(jsonCopies);
    ContentCatalog fromYaml = ContentCatalog.load(yaml);

    // then
    assertThat(fromJson.cases()).isNotEmpty().isEqualTo(fromYaml.cases());
    assertThat(fromJson.greetingMenu()).isEqualTo(fromYaml.greetingMenu());
    assertThat(fromJson.cannotLoginMenu()).isEqualTo(fromYaml.cannotLoginMenu());
    assertThat(fromJson.languages()).isEqualTo(fromYaml.languages());
    for (Language language : fromYaml.languages()) {
      assertThat(fromJson.words(language)).isEqualTo(fromYaml.words(language));
      for (Msg msg : Msg.values()) {
        assertThat(fromJson.message(msg, language)).isEqualTo(fromYaml.message(msg, language));
      }
      for (Label label : Label.values()) {
        assertThat(fromJson.label(label, language)).isEqualTo(fromYaml.label(label, language));
      }
    }
    assertThat(fromJson.ui().languages()).isEqualTo(fromYaml.ui().languages());
    for (String section : new String[] {UiStrings.WIDGET, UiStrings.CONSOLE}) {
      assertThat(fromJson.ui().section(section)).isEqualTo(fromYaml.ui().section(section));
    }
    assertThat(WelcomeFile.read(jsonCopies, fromJson))
        .isNotEmpty()
        .isEqualTo(WelcomeFile.read(yaml, fromYaml));
  }
}
