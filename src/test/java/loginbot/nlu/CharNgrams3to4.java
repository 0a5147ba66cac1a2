package loginbot.nlu;

/** Character 3- and 4-grams: a lighter variant measured by {@link ModelSelection}. */
public final class CharNgrams3to4 extends CharNgrams {
  public CharNgrams3to4() {
    super(3, 4);
  }
}
