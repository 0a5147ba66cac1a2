package loginbot.dialogue;

/** The slips people make typing short replies: stretched letters, one letter off or swapped. */
final class Typos {
  /** Shorter words are too close to each other ("yes", "yet") to forgive a slip. */
  static final int MIN_LENGTH = 5;

  private Typos() {}

  /** Runs of three or more of one letter as one: "yesss" → "yes", « ouiii » → « oui ». */
  static String squeeze(String word) {
    StringBuilder out = new StringBuilder(word.length());
    int i = 0;
    while (i < word.length()) {
      int j = i;
      while (j < word.length() && word.charAt(j) == word.charAt(i)) {
        j++;
      }
      out.append(word, i, j - i >= 3 ? i + 1 : j);
      i = j;
    }
    return out.toString();
  }

  /**
   * One letter added, dropped, changed or two neighbours swapped, with the first letter right
   * (people rarely miss it), between words of at least {@link #MIN_LENGTH} letters.
   */
  static boolean oneSlip(String typed, String known) {
    if (known.length() < MIN_LENGTH
        || typed.charAt(0) != known.charAt(0)
        || Math.abs(typed.length() - known.length()) > 1
        || typed.equals(known)) {
      return false;
    }
    int i = 0;
    while (i < typed.length() && i < known.length() && typed.charAt(i) == known.charAt(i)) {
      i++;
    }
    if (typed.length() == known.length()) {
      if (typed.substring(i + 1).equals(known.substring(i + 1))) {
        return true; // one letter changed
      }
      return i + 1 < typed.length()
          && typed.charAt(i) == known.charAt(i + 1)
          && typed.charAt(i + 1) == known.charAt(i)
          && typed.substring(i + 2).equals(known.substring(i + 2)); // two swapped
    }
    return typed.length() > known.length()
        ? typed.substring(i + 1).equals(known.substring(i)) // one added
        : typed.substring(i).equals(known.substring(i + 1)); // one dropped
  }
}
