package loginbot.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams of each word, with its boundaries marked ("_pass", "word_"), so a typo costs a
 * few features instead of the whole word. Concrete subclasses fix the range in a no-arg
 * constructor, because OpenNLP rebuilds feature generators from their class names alone.
 */
abstract class CharNgrams implements FeatureGenerator {
  private final int min;
  private final int max;

  CharNgrams(int min, int max) {
    this.min = min;
    this.max = max;
  }

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    List<String> features = new ArrayList<>();
    for (String token : tokens) {
      String word = "_" + token + "_";
      for (int n = min; n <= max; n++) {
        for (int i = 0; i + n <= word.length(); i++) {
          features.add("c=" + word.substring(i, i + n));
        }
      }
    }
    return features;
  }
}
