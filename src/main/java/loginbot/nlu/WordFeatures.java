package loginbot.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Every word of the normalised message. (Pairs of adjacent words were measured too and did not help
 * once character n-grams were there: see src/test/resources/nlu/MODEL-SELECTION.md.)
 */
public final class WordFeatures implements FeatureGenerator {
  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    List<String> features = new ArrayList<>(tokens.length);
    for (String token : tokens) {
      features.add("w=" + token);
    }
    return features;
  }
}
