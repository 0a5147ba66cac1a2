package loginbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import loginbot.dialogue.TranscriptRunner;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.UiStrings;
import loginbot.nlu.Language;
import loginbot.nlu.TrainedNlu;
import loginbot.nlu.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A toy bot in a third language, Spanish, made of files only: {@code intents/es/}, and an {@code
 * es} text beside every English and French one of a two-case content
 * (src/test/resources/third-language). English and French examples are the shipped ones.
 */
public class ThirdLanguageTest {
  static final Path TOY = Path.of("src/test/resources/third-language");
  static final Language SPANISH = Language.of("es");

  @TempDir static Path work;
  private static Config config;
  private static ContentCatalog content;
  private static TrainedNlu nlu;

  @BeforeAll
  static void a_bot_with_spanish_files() throws IOException {
    config = config(work);
    TrainingData data = TrainingData.load(config.intentsDir());
    content = App.content(config, data);
    nlu = App.train(config, data);
  }

  @Test
  void the_languages_are_the_folders_of_intents() {
    assertThat(content.languages()).containsExactly(Language.EN, SPANISH, Language.FR);
  }

  @Test
  void spanish_is_detected_among_english_and_french() {
    assertThat(nlu.languageDetector().guess("olvidé mi contraseña")).contains(SPANISH);
    assertThat(nlu.languageDetector().guess("mi cuenta está desactivada")).contains(SPANISH);
    assertThat(nlu.languageDetector().guess("j'ai oublié mon mot de passe")).contains(Language.FR);
    assertThat(nlu.languageDetector().guess("I forgot my password")).contains(Language.EN);
  }

  @Test
  void the_bot_answers_in_spanish_without_being_told_the_language() {
    new TranscriptRunner(() -> nlu, content)
        .run(
            "spanish",
            List.of(
                "> olvidé mi contraseña",
                "< contains: toque «¿Olvidó su contraseña?»",
                "< buttons: Sí, No",
                // "no" alone is also English, and the bot would keep... English: a whole sentence.
                "> no funcionó",
                "< contains: carpeta de SPAM",
                "= language: es",
                "---",
                "> [meta role=professional]",
                "> la cuenta de mi cliente está desactivada",
                "< contains: Compruebe si se revocó el acceso",
                "---",
                "> hola",
                "< contains: asistente de conexión",
                "< buttons: Olvidé mi contraseña, Cuenta desactivada, Hablar con una persona"));
  }

  @Test
  void start_up_lists_each_missing_spanish_file_and_text(@TempDir Path broken) throws IOException {
    // given the toy with one training file and two texts removed
    Config edited = config(broken);
    Files.delete(edited.intentsDir().orElseThrow().resolve("es/deny.txt"));
    Path forgot = edited.contentDir().orElseThrow().resolve("cases/forgot_password.yaml");
    Files.writeString(
        forgot, Files.readString(forgot).replaceFirst("\n *es: '?El correo puede[^\n]*", ""));
    Path system = edited.contentDir().orElseThrow().resolve("system.yaml");
    Files.writeString(system, Files.readString(system).replaceFirst("\n *es: ¿Funcionó\\?", ""));

    // when / then
    assertThatThrownBy(() -> TrainingData.load(edited.intentsDir()))
        .hasMessageContaining("missing training file: " + broken.resolve("intents/es/deny.txt"));
    TrainingData data = TrainingData.load(config.intentsDir());
    assertThatThrownBy(() -> App.content(edited, data))
        .hasMessageContaining(
            "content/cases/forgot_password.yaml: case 'forgot_password' step 'check_spam' text:"
                + " missing language 'es'")
        .hasMessageContaining("content/system.yaml: message 'did_it_work': missing language 'es'");
  }

  @Test
  void the_widget_is_served_with_the_spanish_interface_strings() {
    // the strings of every language go into widget.js as the server serves it
    assertThat(content.ui().languages()).containsExactly("en", "es", "fr");
    assertThat(content.ui().section(UiStrings.WIDGET).get("es"))
        .containsEntry("send", "Enviar")
        .containsEntry("placeholder", "Escriba su mensaje…");
    assertThat(content.ui().section(UiStrings.CONSOLE).get("es")).containsEntry("take", "Tomar");
  }

  @Test
  void start_up_names_a_missing_spanish_interface_file_or_string(@TempDir Path broken)
      throws IOException {
    // given a copy without the Spanish ui.yaml, and another with one string removed
    Config noFile = config(broken.resolve("a"));
    Files.delete(noFile.contentDir().orElseThrow().resolve("lang/es/ui.yaml"));
    Config noKey = config(broken.resolve("b"));
    Path ui = noKey.contentDir().orElseThrow().resolve("lang/es/ui.yaml");
    Files.writeString(ui, Files.readString(ui).replaceFirst("\n  retry: \"Reintentar\"", ""));
    TrainingData data = TrainingData.load(config.intentsDir());

    // when / then
    assertThatThrownBy(() -> App.content(noFile, data))
        .hasMessageContaining(
            "content/lang/es/ui.yaml: missing file (the widget's and console's words in this"
                + " language)");
    assertThatThrownBy(() -> App.content(noKey, data))
        .hasMessageContaining(
            "content/lang/es/ui.yaml: widget.retry: missing (content/lang/en/ui.yaml has it)");
  }

  static Config config(Path dir) throws IOException {
    return Config.fromEnv(env(dir));
  }

  /** CONTENT_DIR and INTENTS_DIR under {@code dir}: the toy's files and the shipped en and fr. */
  public static Map<String, String> env(Path dir) throws IOException {
    Path contentDir = dir.resolve("content");
    Path intentsDir = dir.resolve("intents");
    WriterExampleTest.copy(TOY.resolve("content"), contentDir);
    for (String code : List.of("en", "fr")) {
      WriterExampleTest.copy(
          Path.of("src/main/resources/content/lang", code), contentDir.resolve("lang/" + code));
    }
    WriterExampleTest.copy(TOY.resolve("intents"), intentsDir);
    try (Stream<Path> labels = Files.list(TOY.resolve("intents/es"))) {
      for (Path label : labels.toList()) {
        for (String code : List.of("en", "fr")) {
          Path target = intentsDir.resolve(code).resolve(label.getFileName().toString());
          Files.createDirectories(target.getParent());
          Files.copy(Path.of("intents", code, label.getFileName().toString()), target);
        }
      }
    }
    return Map.of("CONTENT_DIR", contentDir.toString(), "INTENTS_DIR", intentsDir.toString());
  }
}
