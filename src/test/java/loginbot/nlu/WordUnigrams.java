package loginbot.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/** Single words only: the baseline measured by {@link ModelSelection}. */
public final class WordUnigrams implements FeatureGenerator {
  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    List<String> features = new ArrayList<>(tokens.length);
    for (String token : tokens) {
      features.add("w=" + token);
    }
    return features;
  }
}
