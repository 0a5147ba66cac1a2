package loginbot.dialogue.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loginbot.nlu.ContentText;
import loginbot.nlu.Language;
import loginbot.nlu.Synonyms;
import loginbot.nlu.TextNormalizer;

/** Reads the content files (YAML) and hands them to the validator; parse errors name the file. */
final class ContentLoader {
  static final String INDEX = "content/catalog.yaml";
  static final String SYSTEM = "content/system.yaml";

  // Configured for JSON: the parser (ContentText) brings the syntax, YAML or the jar's JSON copy.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private ContentLoader() {}

  static String caseFile(String caseId) {
    return "content/cases/" + caseId + ".yaml";
  }

  static ContentCatalog load(ContentSource source, Vocabulary vocabulary) {
    ContentFiles.Index index = parse(source, INDEX, ContentFiles.Index.class);
    ContentFiles.SystemTexts system = parse(source, SYSTEM, ContentFiles.SystemTexts.class);
    Map<String, CaseSpec> cases = new LinkedHashMap<>();
    for (String id : index.cases()) {
      String file = caseFile(id);
      if (source.text(file).isPresent()) {
        cases.put(id, parse(source, file, CaseSpec.class));
      }
    }
    List<String> problems = new ArrayList<>();
    UiStrings ui = UiFiles.load(source, vocabulary.languages(), problems);
    Map<Language, Lexicon> words = Map.of();
    try {
      TextNormalizer normalizer =
          new TextNormalizer(Synonyms.read(source::text, vocabulary.languages()));
      words = WordsLoader.load(source, vocabulary.languages(), normalizer);
    } catch (IllegalStateException e) {
      problems.add(e.getMessage());
    }
    ContentValidator.validate(index, system, cases, vocabulary, words, problems);
    return new ContentCatalog(index, system, cases, vocabulary, source, words, ui);
  }

  private static <T> T parse(ContentSource source, String file, Class<T> type) {
    ContentText text =
        source.text(file).orElseThrow(() -> new IllegalStateException(file + ": missing file"));
    try {
      T value = text.read(MAPPER, type);
      if (value == null) {
        throw new IllegalStateException(file + ": empty file");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          file
              + ": "
              + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"),
          e);
    }
  }
}
