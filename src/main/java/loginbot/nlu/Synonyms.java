package loginbot.nlu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Ways of writing a login word folded into the one the classifier learnt ("pwd", "passcode" →
 * "password"; « mdp » → « mot de passe »), read from {@code content/lang/<code>/synonyms.yaml} for
 * every language (the language is not known yet when a message is normalised), from the jar or from
 * CONTENT_DIR, and validated at load: each phrase and each replacement normalise to words, no
 * phrase has two replacements and no phrase is its own replacement. A language may have no file.
 * Immutable.
 */
public final class Synonyms {
  static final String RESOURCE = "content/lang/%s/synonyms.yaml";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Synonyms SHIPPED = load();

  /** Phrases by their first word, longest first, so the longest match wins. */
  private final Map<String, List<Rule>> byFirstWord;

  private final Map<String, String> lines;

  private record Rule(String[] phrase, String[] replacement) {}

  private Synonyms(Map<String, List<Rule>> byFirstWord, Map<String, String> lines) {
    this.byFirstWord = byFirstWord;
    this.lines = lines;
  }

  /**
   * The synonyms shipped in the jar, read once (the model built into the jar is trained with them).
   */
  public static Synonyms shipped() {
    return SHIPPED;
  }

  /**
   * The synonyms of {@code languages}, each file read by {@code files} (a content path such as
   * {@code content/lang/fr/synonyms.yaml} → its text, or empty when there is none): how
   * CONTENT_DIR's are read.
   */
  public static Synonyms read(
      Function<String, Optional<ContentText>> files, List<Language> languages) {
    Map<String, Map<String, List<String>>> bySource = new LinkedHashMap<>();
    for (Language language : languages) {
      String file = String.format(RESOURCE, language.code());
      Optional<ContentText> text = files.apply(file);
      if (text.isEmpty()) {
        continue;
      }
      try {
        Map<String, List<String>> entries =
            text.get().read(MAPPER, new TypeReference<LinkedHashMap<String, List<String>>>() {});
        bySource.put(file, entries == null ? Map.of() : entries);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(
            "invalid synonyms file " + file + ": " + e.getOriginalMessage(), e);
      }
    }
    return of(bySource);
  }

  /** No folding at all. */
  static Synonyms none() {
    return new Synonyms(Map.of(), Map.of());
  }

  /** Every phrase and its replacement, sorted: what the model fingerprint depends on. */
  Map<String, String> asMap() {
    return lines;
  }

  /** Parses synonyms given as {@code replacement -> phrases}, per source name for the errors. */
  static Synonyms of(Map<String, Map<String, List<String>>> bySource) {
    TextNormalizer plain = new TextNormalizer(none());
    Map<String, String> replacementOf = new TreeMap<>();
    Map<String, List<Rule>> byFirst = new HashMap<>();
    List<String> problems = new ArrayList<>();
    bySource.forEach(
        (source, entries) ->
            entries.forEach(
                (target, phrases) -> {
                  String[] replacement = plain.tokens(target);
                  if (replacement.length == 0 || phrases == null || phrases.isEmpty()) {
                    problems.add(source + ": '" + target + "' needs words and a list of phrases");
                    return;
                  }
                  for (String raw : phrases) {
                    String[] phrase = plain.tokens(raw);
                    String key = String.join(" ", phrase);
                    String value = String.join(" ", replacement);
                    String earlier = replacementOf.putIfAbsent(key, value);
                    if (phrase.length == 0 || key.equals(value)) {
                      problems.add(source + ": '" + raw + "' under '" + target + "' folds nothing");
                    } else if (earlier != null && !earlier.equals(value)) {
                      problems.add(
                          source
                              + ": '"
                              + key
                              + "' folds into both '"
                              + earlier
                              + "' and '"
                              + value
                              + "'");
                    } else if (earlier == null) {
                      byFirst
                          .computeIfAbsent(phrase[0], k -> new ArrayList<>())
                          .add(new Rule(phrase, replacement));
                    }
                  }
                }));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid synonyms: " + String.join("; ", problems));
    }
    byFirst.values().forEach(l -> l.sort(Comparator.comparingInt((Rule r) -> -r.phrase().length)));
    return new Synonyms(Map.copyOf(byFirst), java.util.Collections.unmodifiableMap(replacementOf));
  }

  /** The words with every phrase replaced, scanning left to right, the longest phrase first. */
  List<String> fold(List<String> words) {
    if (byFirstWord.isEmpty()) {
      return words;
    }
    List<String> folded = null;
    for (int i = 0; i < words.size(); ) {
      Rule match = matchAt(words, i);
      if (match == null) {
        if (folded != null) {
          folded.add(words.get(i));
        }
        i++;
        continue;
      }
      if (folded == null) {
        folded = new ArrayList<>(words.subList(0, i));
      }
      folded.addAll(Arrays.asList(match.replacement()));
      i += match.phrase().length;
    }
    return folded == null ? words : folded;
  }

  private Rule matchAt(List<String> words, int start) {
    List<Rule> candidates = byFirstWord.get(words.get(start));
    if (candidates == null) {
      return null;
    }
    for (Rule rule : candidates) {
      String[] phrase = rule.phrase();
      if (start + phrase.length <= words.size()) {
        boolean same = true;
        for (int k = 1; k < phrase.length && same; k++) {
          same = phrase[k].equals(words.get(start + k));
        }
        if (same) {
          return rule;
        }
      }
    }
    return null;
  }

  /** The languages with a folder under the jar's content/lang/ (languages are data). */
  private static List<Language> shippedLanguages() {
    return ResourceDir.open(
        Optional.empty(),
        "content/lang",
        root ->
            ResourceDir.children(root).stream()
                .map(p -> p.getFileName().toString().replace("/", ""))
                .map(Language::fromCode)
                .flatMap(Optional::stream)
                .toList());
  }

  private static Synonyms load() {
    return read(PackagedContent::text, shippedLanguages());
  }
}
