package loginbot.nlu;

/** Character 3- to 5-grams of every word: the classifier's typo-tolerant features. */
public final class CharNgramFeatures extends CharNgrams {
  public CharNgramFeatures() {
    super(3, 5);
  }
}
