package loginbot.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character 3- to 5-grams over the whole message, spanning word gaps: a variant measured by {@link
 * ModelSelection}.
 */
public final class SpanningCharNgrams implements FeatureGenerator {
  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    String text = "_" + String.join("_", tokens) + "_";
    List<String> features = new ArrayList<>();
    for (int n = 3; n <= 5; n++) {
      for (int i = 0; i + n <= text.length(); i++) {
        features.add("s=" + text.substring(i, i + n));
      }
    }
    return features;
  }
}
