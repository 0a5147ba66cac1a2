package loginbot.dialogue.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loginbot.nlu.ContentText;
import loginbot.nlu.Language;
import loginbot.nlu.TextNormalizer;

/**
 * Reads {@code content/lang/<code>/words.yaml} for each language, normalises every entry as
 * messages are normalised (the same synonyms folded), and fails naming the file when a list is
 * missing, empty, or holds an entry with no word in it.
 */
final class WordsLoader {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** The file as written. */
  record WordsFile(
      @JsonProperty("yes") List<String> yes,
      List<String> worked,
      List<String> praise,
      @JsonProperty("no") List<String> no,
      List<String> failed,
      List<String> negations,
      List<String> hedges,
      List<String> acknowledgements,
      List<String> contrasts,
      List<String> questions,
      List<String> greetings,
      List<String> thanks,
      Roles roles,
      List<FactFile> facts) {}

  /** The {@code roles} section. */
  record Roles(
      List<String> customer,
      List<String> professional,
      @JsonProperty("someone_else") List<String> someoneElse,
      @JsonProperty("customer_answer") List<String> customerAnswer,
      @JsonProperty("professional_answer") List<String> professionalAnswer) {}

  /** One entry of {@code facts}. */
  record FactFile(String fact, String value, List<String> says) {}

  private WordsLoader() {}

  static String file(Language language) {
    return "content/lang/" + language.code() + "/words.yaml";
  }

  /** The word lists of every language the bot speaks (the languages are data, see Vocabulary). */
  static Map<Language, Lexicon> load(
      ContentSource source, List<Language> languages, TextNormalizer normalizer) {
    Map<Language, Lexicon> all = new HashMap<>();
    for (Language language : languages) {
      all.put(language, load(source, file(language), normalizer));
    }
    return all;
  }

  private static Lexicon load(ContentSource source, String file, TextNormalizer normalizer) {
    ContentText text =
        source.text(file).orElseThrow(() -> new IllegalStateException(file + ": missing file"));
    WordsFile w;
    try {
      w = text.read(MAPPER, WordsFile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          file
              + ": "
              + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"),
          e);
    }
    if (w == null) {
      throw new IllegalStateException(file + ": empty file");
    }
    Roles r = w.roles() == null ? new Roles(null, null, null, null, null) : w.roles();
    Map<Cue, List<String>> raw = new EnumMap<>(Cue.class);
    raw.put(Cue.YES, w.yes());
    raw.put(Cue.WORKED, w.worked());
    raw.put(Cue.PRAISE, w.praise());
    raw.put(Cue.NO, w.no());
    raw.put(Cue.FAILED, w.failed());
    raw.put(Cue.NEGATION, w.negations());
    raw.put(Cue.HEDGE, w.hedges());
    raw.put(Cue.ACKNOWLEDGEMENT, w.acknowledgements());
    raw.put(Cue.CONTRAST, w.contrasts());
    raw.put(Cue.QUESTION, w.questions());
    raw.put(Cue.GREETING, w.greetings());
    raw.put(Cue.THANKS, w.thanks());
    raw.put(Cue.CUSTOMER, r.customer());
    raw.put(Cue.PROFESSIONAL, r.professional());
    raw.put(Cue.SOMEONE_ELSE, r.someoneElse());
    raw.put(Cue.CUSTOMER_ANSWER, r.customerAnswer());
    raw.put(Cue.PROFESSIONAL_ANSWER, r.professionalAnswer());
    Map<Cue, List<List<String>>> phrases = new EnumMap<>(Cue.class);
    raw.forEach((cue, list) -> phrases.put(cue, words(file, cue.key(), list, normalizer)));
    noEntryOnBothSides(file, phrases);
    List<Lexicon.FactCue> facts = new ArrayList<>();
    List<FactFile> factFiles = w.facts() == null ? List.of() : w.facts();
    for (int i = 0; i < factFiles.size(); i++) {
      FactFile f = factFiles.get(i);
      String where = "facts[" + i + "]";
      if (f.fact() == null
          || !f.fact().matches("[a-z0-9_]+")
          || f.value() == null
          || f.value().isBlank()) {
        throw new IllegalStateException(
            file + ": " + where + " needs a fact id (a-z, 0-9, _) and a value");
      }
      facts.add(
          new Lexicon.FactCue(
              f.fact(), f.value(), words(file, where + ".says", f.says(), normalizer)));
    }
    return new Lexicon(phrases, facts);
  }

  /** A word that says yes in one list and no in another would make replies depend on list order. */
  private static void noEntryOnBothSides(String file, Map<Cue, List<List<String>>> phrases) {
    for (Cue yes : List.of(Cue.YES, Cue.WORKED, Cue.PRAISE)) {
      for (Cue no : List.of(Cue.NO, Cue.FAILED, Cue.NEGATION)) {
        for (List<String> entry : phrases.get(yes)) {
          if (phrases.get(no).contains(entry)) {
            throw new IllegalStateException(
                file
                    + ": '"
                    + String.join(" ", entry)
                    + "' is in both '"
                    + yes.key()
                    + "' and '"
                    + no.key()
                    + "'");
          }
        }
      }
    }
  }

  private static List<List<String>> words(
      String file, String key, List<String> entries, TextNormalizer normalizer) {
    if (entries == null || entries.isEmpty()) {
      throw new IllegalStateException(file + ": the list '" + key + "' is missing or empty");
    }
    List<List<String>> out = new ArrayList<>();
    for (String entry : entries) {
      String[] tokens = entry == null ? new String[0] : normalizer.tokens(entry);
      if (tokens.length == 0) {
        throw new IllegalStateException(
            file + ": '" + key + "' holds an entry with no word in it: '" + entry + "'");
      }
      out.add(List.of(tokens));
    }
    return out;
  }
}
