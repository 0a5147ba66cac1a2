package loginbot.dialogue.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loginbot.nlu.ContentText;
import loginbot.nlu.Language;

/**
 * Reads {@code content/lang/<code>/ui.yaml} for every language and checks each against the
 * reference language's (English when the bot speaks it): the same sections and keys, no text empty,
 * the same {@code {placeholders}} in each text. Problems name the file and the key.
 */
final class UiFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, Object>>> SHAPE =
      new TypeReference<>() {};

  private UiFiles() {}

  static String file(Language language) {
    return "content/lang/" + language.code() + "/ui.yaml";
  }

  /** The strings of every language, or none with {@code problems} filled in. */
  static UiStrings load(ContentSource source, List<Language> languages, List<String> problems) {
    Language reference = languages.contains(Language.EN) ? Language.EN : languages.get(0);
    List<Language> ordered = new ArrayList<>(List.of(reference));
    languages.stream().filter(l -> !l.equals(reference)).forEach(ordered::add);
    Map<String, Map<String, Map<String, String>>> all = new LinkedHashMap<>();
    for (Language language : ordered) {
      parse(source, file(language), problems).ifPresent(s -> all.put(language.code(), s));
    }
    Map<String, Map<String, String>> model = all.get(reference.code());
    if (model == null) {
      return new UiStrings(Map.of());
    }
    all.forEach(
        (code, sections) -> {
          if (!code.equals(reference.code())) {
            compare(file(Language.of(code)), sections, file(reference), model, problems);
          }
        });
    return new UiStrings(all);
  }

  private static void compare(
      String file,
      Map<String, Map<String, String>> sections,
      String referenceFile,
      Map<String, Map<String, String>> model,
      List<String> problems) {
    model.forEach(
        (section, keys) ->
            keys.forEach(
                (key, text) -> {
                  String mine = sections.getOrDefault(section, Map.of()).get(key);
                  String where = file + ": " + section + "." + key;
                  if (mine == null) {
                    problems.add(where + ": missing (" + referenceFile + " has it)");
                  } else if (!placeholders(mine).equals(placeholders(text))) {
                    problems.add(
                        where
                            + ": placeholders "
                            + placeholders(mine)
                            + " differ from "
                            + placeholders(text)
                            + " in "
                            + referenceFile);
                  }
                }));
    sections.forEach(
        (section, keys) ->
            keys.keySet().stream()
                .filter(k -> !model.getOrDefault(section, Map.of()).containsKey(k))
                .forEach(
                    k ->
                        problems.add(
                            file
                                + ": "
                                + section
                                + "."
                                + k
                                + ": unknown key (not in "
                                + referenceFile
                                + ")")));
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add("{" + m.group(1) + "}");
    }
    return names;
  }

  private static Optional<Map<String, Map<String, String>>> parse(
      ContentSource source, String file, List<String> problems) {
    Optional<ContentText> text = source.text(file);
    if (text.isEmpty()) {
      problems.add(file + ": missing file (the widget's and console's words in this language)");
      return Optional.empty();
    }
    LinkedHashMap<String, LinkedHashMap<String, Object>> raw;
    try {
      raw = text.get().read(MAPPER, SHAPE);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      problems.add(file + ": " + e.getOriginalMessage() + line);
      return Optional.empty();
    }
    if (raw == null || raw.isEmpty()) {
      problems.add(file + ": empty file");
      return Optional.empty();
    }
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    raw.forEach(
        (section, keys) -> {
          Map<String, String> texts = new LinkedHashMap<>();
          (keys == null ? Map.<String, Object>of() : keys)
              .forEach(
                  (key, value) -> {
                    if (!(value instanceof String s) || s.isBlank()) {
                      problems.add(file + ": " + section + "." + key + ": needs a text");
                    } else {
                      texts.put(key, s);
                    }
                  });
          sections.put(section, texts);
        });
    return Optional.of(sections);
  }
}
