package loginbot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bot's understanding of a message: the intent classifier and the language detector, both
 * learnt from {@link TrainingData} (at build time for the intents the jar ships: {@link
 * ShippedModel}), and the decision rule the bot acts on. A message of several sentences is also
 * read sentence by sentence ({@link SentenceVote}). Thread-safe; one instance serves every
 * conversation.
 */
public final class TrainedNlu implements Nlu {
  private final IntentClassifier classifier;
  private final LanguageDetector languages;
  private final DecisionRule rule;
  private final MessageReader reader;
  private final SentenceVote vote = SentenceVote.DEFAULT;

  public TrainedNlu(IntentClassifier classifier, LanguageDetector languages, DecisionRule rule) {
    this(classifier, languages, rule, new TextNormalizer());
  }

  /** The language a message that does not tell its own is taken to be in. */
  static final Language FALLBACK = Language.EN;

  TrainedNlu(
      IntentClassifier classifier,
      LanguageDetector languages,
      DecisionRule rule,
      TextNormalizer normalizer) {
    this.classifier = classifier;
    this.languages = languages;
    this.rule = rule;
    this.reader = new MessageReader(normalizer, languages);
  }

  /** Trains with the configuration chosen by cross-validation. */
  public static TrainedNlu train(TrainingData data, DecisionRule rule) {
    return train(data, rule, ClassifierConfig.DEFAULT);
  }

  public static TrainedNlu train(TrainingData data, DecisionRule rule, ClassifierConfig config) {
    return around(IntentClassifier.train(data.examples(), config), data, rule);
  }

  /**
   * Trains with messages and examples read with {@code synonyms} folded (CONTENT_DIR's): the
   * classifier learns the words the bot will read.
   */
  public static TrainedNlu train(
      TrainingData data, DecisionRule rule, ClassifierConfig config, Synonyms synonyms) {
    TextNormalizer normalizer = new TextNormalizer(synonyms);
    return around(
        IntentClassifier.train(data.examples(), config, normalizer), data, rule, normalizer);
  }

  /** The rest of the NLU, learnt from {@code data}, around a classifier already trained on it. */
  static TrainedNlu around(IntentClassifier classifier, TrainingData data, DecisionRule rule) {
    return around(classifier, data, rule, new TextNormalizer());
  }

  static TrainedNlu around(
      IntentClassifier classifier,
      TrainingData data,
      DecisionRule rule,
      TextNormalizer normalizer) {
    return new TrainedNlu(
        classifier, LanguageDetector.train(data, normalizer, FALLBACK), rule, normalizer);
  }

  @Override
  public Understanding understand(String text) {
    Reading reading = reader.read(text);
    Prediction whole = classifier.classify(reading.words().toArray(String[]::new));
    Prediction prediction = whole;
    if (reading.sentences().size() > 1) {
      List<Prediction> sentences = new ArrayList<>(reading.sentences().size());
      for (List<String> sentence : reading.sentences()) {
        sentences.add(classifier.classify(sentence.toArray(String[]::new)));
      }
      prediction = vote.combine(whole, rule.accepts(whole), sentences);
    }
    Optional<Intent> accepted =
        rule.accepts(prediction) ? Optional.of(prediction.intent()) : Optional.empty();
    return new Understanding(accepted, prediction, reading);
  }

  /** The reader this NLU reads messages with (the same normaliser and language detector). */
  public MessageReader reader() {
    return reader;
  }

  /** The classifier's two best intents, before the decision rule. */
  public Prediction classify(String text) {
    return classifier.classify(text);
  }

  public DecisionRule rule() {
    return rule;
  }

  public LanguageDetector languageDetector() {
    return languages;
  }
}
