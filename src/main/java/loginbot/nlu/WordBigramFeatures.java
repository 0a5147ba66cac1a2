package loginbot.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Words and pairs of adjacent words ("forgot", "forgot password"). On cross-validation over
 * intents/ pairs added nothing once character n-grams were there, but on the blind dev set (text
 * written by other people) they add half a point of in-scope accuracy at the same refusal rate.
 */
public final class WordBigramFeatures implements FeatureGenerator {
  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    List<String> features = new ArrayList<>(tokens.length * 2);
    for (int i = 0; i < tokens.length; i++) {
      features.add("w=" + tokens[i]);
      if (i + 1 < tokens.length) {
        features.add("b=" + tokens[i] + " " + tokens[i + 1]);
      }
    }
    return features;
  }
}
