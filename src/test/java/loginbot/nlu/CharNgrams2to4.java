package loginbot.nlu;

/** Character 2- to 4-grams: a variant measured by {@link ModelSelection}. */
public final class CharNgrams2to4 extends CharNgrams {
  public CharNgrams2to4() {
    super(2, 4);
  }
}
