package loginbot.nlu;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * English or French, by a naive Bayes model over words and character 1- to 3-grams, trained from
 * the shipped intents/ files (no model to download). Messages too short or too mixed to tell
 * ("ok", "123") get the fallback language. Immutable once trained, so safe to share.
 */
public final class LanguageDetector {
  // Log-odds below which the two languages are a toss-up (e^1.5 ≈ 4.5 to 1).
  private static final double SURE_LOG_ODDS = 1.5;
  private static final double SMOOTHING = 0.5;

  private final TextNormalizer normalizer;
  private final Map<Language, Map<String, Integer>> counts;
  private final Map<Language, Double> totals;
  private final int vocabulary;
  private final Language fallback;

  private LanguageDetector(TextNormalizer normalizer, Map<Language, Map<String, Integer>> counts,
      Language fallback) {
    this.normalizer = normalizer;
    this.counts = counts;
    this.fallback = fallback;
    this.totals = new EnumMap<>(Language.class);
    counts.forEach((language, c) -> totals.put(language,
        (double) c.values().stream().mapToInt(Integer::intValue).sum()));
    this.vocabulary = (int) counts.values().stream().flatMap(c -> c.keySet().stream()).distinct().count();
  }

  /** Learns both languages from the training examples; unsure messages are reported as {@code fallback}. */
  public static LanguageDetector train(TrainingData data, TextNormalizer normalizer, Language fallback) {
    Map<Language, Map<String, Integer>> counts = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      counts.put(language, new HashMap<>());
    }
    for (TrainingExample example : data.examples()) {
      Map<String, Integer> c = counts.get(example.language());
      for (String feature : features(normalizer.tokens(example.text()))) {
        c.merge(feature, 1, Integer::sum);
      }
    }
    return new LanguageDetector(normalizer, counts, fallback);
  }

  /** The language of {@code text}, or the fallback when the text does not tell. */
  public Language detect(String text) {
    return guess(text).orElse(fallback);
  }

  /** The language of {@code text} when the evidence is clear, else empty. */
  public Optional<Language> guess(String text) {
    List<String> features = features(normalizer.tokens(text));
    if (features.isEmpty()) {
      return Optional.empty();
    }
    double en = logLikelihood(Language.EN, features);
    double fr = logLikelihood(Language.FR, features);
    if (Math.abs(en - fr) < SURE_LOG_ODDS) {
      return Optional.empty();
    }
    return Optional.of(en > fr ? Language.EN : Language.FR);
  }

  private double logLikelihood(Language language, List<String> features) {
    Map<String, Integer> c = counts.get(language);
    double denominator = Math.log(totals.get(language) + SMOOTHING * vocabulary);
    double sum = 0;
    for (String feature : features) {
      sum += Math.log(c.getOrDefault(feature, 0) + SMOOTHING) - denominator;
    }
    return sum;
  }

  // Whole words weigh most for short messages; character grams carry unseen words ("reinitialiser").
  private static List<String> features(String[] tokens) {
    List<String> features = new ArrayList<>();
    for (String token : tokens) {
      features.add("w=" + token);
      String word = "_" + token + "_";
      for (int n = 1; n <= 3; n++) {
        for (int i = 0; i + n <= word.length(); i++) {
          features.add(word.substring(i, i + n));
        }
      }
    }
    return features;
  }
}
