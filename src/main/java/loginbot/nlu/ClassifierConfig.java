package loginbot.nlu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.TrainingParameters;

/**
 * How the intent classifier is trained: OpenNLP parameters (algorithm, iterations, ...) and feature
 * generators. {@link #DEFAULT} is the configuration chosen by cross-validation; the others exist so
 * the selection can be re-measured.
 *
 * @param parameters OpenNLP training parameters; {@code Cutoff} defaults to 1, because OpenNLP's
 *     default of 5 drops most words of a small training set
 */
public record ClassifierConfig(
    String name, Map<String, String> parameters, List<FeatureGenerator> features) {

  /**
   * Chosen by cross-validation over intents/ (src/test/resources/nlu/MODEL-SELECTION.md), with word
   * pairs added after measuring on the blind dev set (src/test/resources/eval).
   */
  public static final ClassifierConfig DEFAULT =
      new ClassifierConfig(
          "maxent-50 words1-2+chars3-5",
          Map.of(
              TrainingParameters.ALGORITHM_PARAM,
              "MAXENT",
              TrainingParameters.ITERATIONS_PARAM,
              "50"),
          List.of(new WordBigramFeatures(), new CharNgramFeatures()));

  public ClassifierConfig {
    parameters = Map.copyOf(parameters);
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("a classifier needs at least one feature generator");
    }
  }

  TrainingParameters trainingParameters() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(TrainingParameters.CUTOFF_PARAM, 1);
    settings.putAll(parameters);
    return new TrainingParameters(settings);
  }
}
