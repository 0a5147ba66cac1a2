package loginbot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * The OpenNLP document categorizer over normalised text, reporting its two best intents.
 * Thread-safe: the categorizer holds no mutable state and the feature generators are stateless.
 */
public final class IntentClassifier {
  static {
    // OpenNLP rebuilds our feature generators by class name and refuses packages it was not told
    // about.
    ExtensionLoader.registerAllowedPackage("loginbot.nlu");
  }

  private final TextNormalizer normalizer;
  private final DoccatModel model;
  private final DocumentCategorizerME categorizer;
  private final Intent[] intentByIndex;

  private IntentClassifier(TextNormalizer normalizer, DoccatModel model) {
    this.normalizer = normalizer;
    this.model = model;
    this.categorizer = new DocumentCategorizerME(model);
    this.intentByIndex = new Intent[categorizer.getNumberOfCategories()];
    for (int i = 0; i < intentByIndex.length; i++) {
      String label = categorizer.getCategory(i);
      intentByIndex[i] =
          Intent.fromLabel(label)
              .orElseThrow(() -> new IllegalStateException("model has an unknown label: " + label));
    }
    if (intentByIndex.length < 2) {
      throw new IllegalStateException("training data must cover at least two intents");
    }
  }

  public static IntentClassifier train(List<TrainingExample> examples, ClassifierConfig config) {
    return train(examples, config, new TextNormalizer());
  }

  /** Trains on the examples as {@code normalizer} reads them, and classifies with it. */
  static IntentClassifier train(
      List<TrainingExample> examples, ClassifierConfig config, TextNormalizer normalizer) {
    List<DocumentSample> samples =
        examples.stream()
            .map(e -> new DocumentSample(e.intent().label(), normalizer.tokens(e.text())))
            .filter(s -> s.getText().length > 0)
            .toList();
    DoccatModel model;
    try {
      model =
          DocumentCategorizerME.train(
              "mul",
              ObjectStreamUtils.createObjectStream(samples),
              config.trainingParameters(),
              new DoccatFactory(config.features().toArray(FeatureGenerator[]::new)));
    } catch (IOException e) {
      throw new UncheckedIOException("training the intent classifier failed", e);
    }
    return new IntentClassifier(normalizer, model);
  }

  /**
   * The feature generators the model classifies with, as OpenNLP rebuilt them from their class
   * names.
   */
  List<FeatureGenerator> featureGenerators() {
    return List.of(model.getFactory().getFeatureGenerators());
  }

  /** The two most probable intents of {@code text}, before any decision rule. */
  public Prediction classify(String text) {
    return classify(normalizer.tokens(text));
  }

  /** Like {@link #classify(String)}, for text the caller has already normalised into words. */
  Prediction classify(String[] tokens) {
    double[] p = categorizer.categorize(tokens);
    int best = p[1] > p[0] ? 1 : 0;
    int second = 1 - best;
    for (int i = 2; i < p.length; i++) {
      if (p[i] > p[best]) {
        second = best;
        best = i;
      } else if (p[i] > p[second]) {
        second = i;
      }
    }
    return new Prediction(intentByIndex[best], p[best], intentByIndex[second], p[second]);
  }

  /**
   * Writes the trained model in OpenNLP's own format, for {@link #read} to load without training.
   */
  void write(OutputStream out) throws IOException {
    model.serialize(out);
  }

  /** The classifier of a model {@link #write} wrote. */
  static IntentClassifier read(InputStream in) throws IOException {
    return read(in, new TextNormalizer());
  }

  static IntentClassifier read(InputStream in, TextNormalizer normalizer) throws IOException {
    return new IntentClassifier(normalizer, new DoccatModel(in));
  }
}
