package loginbot.nlu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The language of a message, by naive Bayes trained from the intents/ files of every language that
 * has some (no model to download): adding a language folder adds a language. A word seen in
 * training counts as itself; an unseen word ("reinitialisation") by its character 1- to 3-grams,
 * averaged so that one word is one piece of evidence. Messages that do not tell ("ok", "123") get
 * the fallback language. Immutable once trained, so safe to share.
 */
public final class LanguageDetector {
  // Log-odds between the best language and the next below which it is a toss-up (e^1.2 ≈ 3.3 to 1).
  private static final double SURE_LOG_ODDS = 1.2;
  // A word seen only in one language's examples is strong evidence; a character gram is weak.
  private static final double WORD_SMOOTHING = 0.1;
  private static final double GRAM_SMOOTHING = 0.5;

  private final TextNormalizer normalizer;
  private final List<Language> languages;
  private final Model words;
  private final Model grams;
  private final Language fallback;

  private LanguageDetector(
      TextNormalizer normalizer,
      List<Language> languages,
      Model words,
      Model grams,
      Language fallback) {
    this.normalizer = normalizer;
    this.languages = languages;
    this.words = words;
    this.grams = grams;
    this.fallback = fallback;
  }

  /**
   * Learns every language of the training examples; unsure messages are reported as {@code
   * fallback}.
   */
  public static LanguageDetector train(
      TrainingData data, TextNormalizer normalizer, Language fallback) {
    List<Language> languages = data.languages();
    Model words = new Model(WORD_SMOOTHING, languages);
    Model grams = new Model(GRAM_SMOOTHING, languages);
    for (TrainingExample example : data.examples()) {
      for (String token : normalizer.tokens(example.text())) {
        words.add(example.language(), token);
        grams(token).forEach(g -> grams.add(example.language(), g));
      }
    }
    return new LanguageDetector(normalizer, languages, words.freeze(), grams.freeze(), fallback);
  }

  /**
   * Writes what {@link #train} learnt, for {@link #read}: the build ships it beside the intent
   * model, so a start-up does not read every training example again.
   */
  void write(DataOutputStream out) throws IOException {
    out.writeInt(languages.size());
    for (Language language : languages) {
      out.writeUTF(language.code());
    }
    out.writeUTF(fallback.code());
    words.write(out, languages);
    grams.write(out, languages);
  }

  /** The detector {@link #write} wrote, reading messages with {@code normalizer}. */
  static LanguageDetector read(DataInputStream in, TextNormalizer normalizer) throws IOException {
    int count = in.readInt();
    List<Language> languages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      languages.add(Language.of(in.readUTF()));
    }
    Language fallback = Language.of(in.readUTF());
    Model words = Model.read(in, WORD_SMOOTHING, languages);
    Model grams = Model.read(in, GRAM_SMOOTHING, languages);
    return new LanguageDetector(normalizer, List.copyOf(languages), words, grams, fallback);
  }

  /** Every language this detector can tell, sorted by code. */
  public List<Language> languages() {
    return languages;
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
    Map<Language, Double> scores = new HashMap<>();
    for (Language language : languages) {
      double score = 0;
      for (String token : tokens) {
        if (words.knows(token)) {
          score += words.logProbability(language, token);
        } else {
          List<String> g = grams(token);
          double sum = 0;
          for (String gram : g) {
            sum += grams.logProbability(language, gram);
          }
          score += sum / g.size();
        }
      }
      scores.put(language, score);
    }
    Language best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (Language language : languages) {
      double score = scores.get(language);
      if (score > bestScore) {
        second = bestScore;
        bestScore = score;
        best = language;
      } else if (score > second) {
        second = score;
      }
    }
    if (best == null || tokens.length == 0 || bestScore - second < SURE_LOG_ODDS) {
      return Optional.empty();
    }
    return Optional.of(best);
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
    private final Map<Language, Map<String, Integer>> counts = new HashMap<>();
    private final Map<Language, Double> logTotals = new HashMap<>();
    private final double smoothing;

    Model(double smoothing, List<Language> languages) {
      this.smoothing = smoothing;
      for (Language language : languages) {
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

    void write(DataOutputStream out, List<Language> languages) throws IOException {
      for (Language language : languages) {
        Map<String, Integer> c = counts.get(language);
        out.writeInt(c.size());
        for (Map.Entry<String, Integer> e : c.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue());
        }
      }
    }

    static Model read(DataInputStream in, double smoothing, List<Language> languages)
        throws IOException {
      Model model = new Model(smoothing, languages);
      for (Language language : languages) {
        Map<String, Integer> c = model.counts.get(language);
        for (int n = in.readInt(); n > 0; n--) {
          c.put(in.readUTF(), in.readInt());
        }
      }
      return model.freeze();
    }

    boolean knows(String feature) {
      for (Map<String, Integer> c : counts.values()) {
        if (c.containsKey(feature)) {
          return true;
        }
      }
      return false;
    }

    double logProbability(Language language, String feature) {
      return Math.log(counts.get(language).getOrDefault(feature, 0) + smoothing)
          - logTotals.get(language);
    }
  }
}
