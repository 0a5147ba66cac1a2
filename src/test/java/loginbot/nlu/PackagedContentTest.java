package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON copies the build makes of the jar's content, and what a start reads from them. */
class PackagedContentTest {
  @Test
  void every_yaml_file_of_the_built_content_has_a_json_copy_that_parses_to_the_same_tokens()
      throws Exception {
    List<String> paths = builtContentFiles();
    assertThat(paths).hasSizeGreaterThanOrEqualTo(10);

    for (String path : paths) {
      // when
      Optional<ContentText> text = PackagedContent.text(path);

      // then
      assertThat(text).as(path).isPresent();
      assertThat(text.get().json()).as(path + " is read from its JSON copy").isTrue();
      assertThat(tokens(new JsonFactory().createParser(text.get().text())))
          .as(path)
          .isEqualTo(tokens(new YAMLFactory().createParser(PackagedContent.yaml(path).get())));
    }
  }

  @Test
  void the_shipped_synonyms_read_from_the_json_copies_are_those_of_the_yaml() {
    // given
    List<Language> languages = List.of(Language.EN, Language.FR);

    // when
    Synonyms fromJson = Synonyms.read(PackagedContent::text, languages);
    Synonyms fromYaml =
        Synonyms.read(
            path -> PackagedContent.yaml(path).map(t -> ContentText.yaml(path, t)), languages);

    // then: the model built into the jar is trained (and fingerprinted) with these
    assertThat(fromJson.asMap()).isNotEmpty().isEqualTo(fromYaml.asMap());
    assertThat(Synonyms.shipped().asMap()).isEqualTo(fromYaml.asMap());
  }

  @Test
  void a_json_copy_that_does_not_fit_the_type_is_read_from_its_yaml_instead() throws Exception {
    // given: a copy that says something else than its YAML (the YAML reports its own errors with
    // the writer's line)
    String path = "content/lang/en/synonyms.yaml";
    ContentText stale = ContentText.jsonCopy(path, "{\"password\": 1}");
    ObjectMapper mapper = new ObjectMapper();
    TypeReference<Map<String, List<String>>> type = new TypeReference<>() {};

    // when
    Map<String, List<String>> read = stale.read(mapper, type);

    // then
    assertThat(read)
        .isEqualTo(
            ContentText.yaml(path, PackagedContent.yaml(path).orElseThrow()).read(mapper, type));
  }

  @Test
  void the_build_step_rewrites_a_stale_copy_keeps_a_current_one_and_deletes_an_orphan(
      @TempDir Path classes) throws Exception {
    // given: a copy from before the YAML changed, a current one, and one whose YAML is gone
    write(classes.resolve("content/cases/a.yaml"), "title: new\n");
    write(classes.resolve("content/b.yaml"), "b: 1\n");
    write(classes.resolve("content-json/cases/a.json"), "{\"title\":\"old\"}");
    write(classes.resolve("content-json/b.json"), "{\"b\":1}");
    write(classes.resolve("content-json/gone.json"), "{}");
    FileTime before = FileTime.fromMillis(0);
    Files.setLastModifiedTime(classes.resolve("content-json/b.json"), before);

    // when
    PackagedContent.main(new String[] {classes.toString()});

    // then
    assertThat(classes.resolve("content-json/cases/a.json")).hasContent("{\"title\":\"new\"}");
    assertThat(Files.getLastModifiedTime(classes.resolve("content-json/b.json"))).isEqualTo(before);
    assertThat(classes.resolve("content-json/gone.json")).doesNotExist();
  }

  @Test
  void a_path_outside_the_yaml_content_has_no_json_copy() {
    assertThat(PackagedContent.jsonPath("content/lang/fr/words.yaml"))
        .contains("content-json/lang/fr/words.json");
    assertThat(PackagedContent.jsonPath("content/README.md")).isEmpty();
    assertThat(PackagedContent.jsonPath("intents/greeting.txt")).isEmpty();
  }

  /** The content paths of the YAML files in the classes directory the tests run against. */
  private static List<String> builtContentFiles() throws IOException, URISyntaxException {
    Path classes =
        Path.of(PackagedContent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(classes.resolve("content"))) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .map(f -> classes.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** Each token with its text (numbers as written); a null's text is YAML's or JSON's own. */
  private static List<String> tokens(JsonParser parser) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (parser) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        tokens.add(t == JsonToken.VALUE_NULL ? "null" : t + " " + parser.getText());
      }
    }
    return tokens;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
