package loginbot.nlu;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * English or French, by naive Bayes trained from the shipped intents/ files (no model to download).
 * A word seen in training counts as itself; an unseen word ("reinitialisation") by its character 1-
 * to 3-grams, averaged so that one word is one piece of evidence. Messages that do not tell ("ok",
 * "123") get the fallback language. Immutable once trained, so safe to share.
 */
public final class LanguageDetector {
  // Log-odds below which the two languages are a toss-up (e^1.2 ≈ 3.3 to 1).
  private static final double SURE_LOG_ODDS = 1.2;
  // A word seen only in one language's examples is strong evidence; a character gram is weak.
  private static final double WORD_SMOOTHING = 0.1;
  private static final double GRAM_SMOOTHING = 0.5;

  private final TextNormalizer normalizer;
  private final Model words;
  private final Model grams;
  private final Language fallback;

  private LanguageDetector(TextNormalizer normalizer, Model words, Model grams, Language fallback) {
    this.normalizer = normalizer;
    this.words = words;
    this.grams = grams;
    this.fallback = fallback;
  }

  /**
   * Learns both languages from the training examples; unsure messages are reported as {@code
   * fallback}.
   */
  public static LanguageDetector train(
      TrainingData data, TextNormalizer normalizer, Language fallback) {
    Model words = new Model(WORD_SMOOTHING);
    Model grams = new Model(GRAM_SMOOTHING);
    for (TrainingExample example : data.examples()) {
      for (String token : normalizer.tokens(example.text())) {
        words.add(example.language(), token);
        grams(token).forEach(g -> grams.add(example.language(), g));
      }
    }
    return new LanguageDetector(normalizer, words.freeze(), grams.freeze(), fallback);
  }

  /** The language of {@code text}, or the fallback when the text does not tell. */
  public Language detect(String text) {
    return guess(text).orElse(fallback);
  }

  Language detect(String[] tokens) {
    return guess(tokens).orElse(fallback);
  }

  /** The language of {@code text} when the evidence is clear, else empty. */
  public Optional<Language> guess(String text) {
    return guess(normalizer.tokens(text));
  }

  /** Like {@link #guess(String)}, for text the caller has already normalised into words. */
  Optional<Language> guess(String[] tokens) {
    double frenchOdds = 0;
    for (String token : tokens) {
      if (words.knows(token)) {
        frenchOdds += words.logOdds(token);
      } else {
        List<String> g = grams(token);
        double sum = 0;
        for (String gram : g) {
          sum += grams.logOdds(gram);
        }
        frenchOdds += sum / g.size();
      }
    }
    if (Math.abs(frenchOdds) < SURE_LOG_ODDS) {
      return Optional.empty();
    }
    return Optional.of(frenchOdds > 0 ? Language.FR : Language.EN);
  }

  private static List<String> grams(String token) {
    String word = "_" + token + "_";
    List<String> grams = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      for (int i = 0; i + n <= word.length(); i++) {
        grams.add(word.substring(i, i + n));
      }
    }
    return grams;
  }

  /** Feature counts per language, with additive smoothing. */
  private static final class Model {
    private final Map<Language, Map<String, Integer>> counts = new EnumMap<>(Language.class);
    private final Map<Language, Double> logTotals = new EnumMap<>(Language.class);
    private final double smoothing;

    Model(double smoothing) {
      this.smoothing = smoothing;
      for (Language language : Language.values()) {
        counts.put(language, new HashMap<>());
      }
    }

    void add(Language language, String feature) {
      counts.get(language).merge(feature, 1, Integer::sum);
    }

    Model freeze() {
      long vocabulary =
          counts.values().stream().flatMap(c -> c.keySet().stream()).distinct().count();
      counts.forEach(
          (language, c) ->
              logTotals.put(
                  language,
                  Math.log(
                      c.values().stream().mapToInt(Integer::intValue).sum()
                          + smoothing * vocabulary)));
      return this;
    }

    boolean knows(String feature) {
      for (Map<String, Integer> c : counts.values()) {
        if (c.containsKey(feature)) {
          return true;
        }
      }
      return false;
    }

    /** log P(feature | French) - log P(feature | English). */
    double logOdds(String feature) {
      return logProbability(Language.FR, feature) - logProbability(Language.EN, feature);
    }

    private double logProbability(Language language, String feature) {
      return Math.log(counts.get(language).getOrDefault(feature, 0) + smoothing)
          - logTotals.get(language);
    }
  }
}
