package loginbot.dialogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loginbot.dialogue.content.Cue;
import loginbot.dialogue.content.Lexicon;

/**
 * Finds the word-list phrases in a sentence's words, longest first and left to right, so "not at
 * all" is one no and not a negation plus two other words. Immutable; built once per lexicon.
 */
final class PhraseScan {
  /** A phrase found at {@code [start, end)} of the sentence. */
  record Match(Cue cue, int start, int end) {}

  private record Entry(Cue cue, List<String> words, int rank) {}

  private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
  private final Map<String, Entry> singleWords = new HashMap<>();
  private final boolean typos;

  /** {@code cues} in priority order: on phrases of equal length, the earlier cue wins. */
  PhraseScan(Lexicon lexicon, List<Cue> cues) {
    this(lexicon, cues, false);
  }

  /**
   * With {@code typos}, a word not in the lists also matches a one-word entry when it only
   * stretches letters ("yesss", « ouiii ») or, from five letters, is one slip away from it
   * ("wroking", "workd", « fonctioné »).
   */
  PhraseScan(Lexicon lexicon, List<Cue> cues, boolean typos) {
    this.typos = typos;
    for (int rank = 0; rank < cues.size(); rank++) {
      for (List<String> phrase : lexicon.get(cues.get(rank))) {
        Entry entry = new Entry(cues.get(rank), phrase, rank);
        byFirstWord.computeIfAbsent(phrase.get(0), w -> new ArrayList<>()).add(entry);
        if (phrase.size() == 1) {
          singleWords.putIfAbsent(phrase.get(0), entry);
        }
      }
    }
    Comparator<Entry> order =
        Comparator.<Entry>comparingInt(e -> -e.words().size()).thenComparingInt(Entry::rank);
    byFirstWord.values().forEach(list -> list.sort(order));
  }

  /** The phrases of {@code words}, without overlaps. */
  List<Match> scan(List<String> words) {
    List<Match> found = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Entry hit = longestAt(words, i);
      if (hit == null) {
        i++;
      } else {
        found.add(new Match(hit.cue(), i, i + hit.words().size()));
        i += hit.words().size();
      }
    }
    return found;
  }

  /** Whether any phrase of the scanned cues appears anywhere in {@code words}. */
  boolean anyIn(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      if (longestAt(words, i) != null) {
        return true;
      }
    }
    return false;
  }

  private Entry longestAt(List<String> words, int i) {
    for (Entry e : byFirstWord.getOrDefault(words.get(i), List.of())) {
      int n = e.words().size();
      if (i + n <= words.size() && words.subList(i, i + n).equals(e.words())) {
        return e;
      }
    }
    return typos ? nearWord(words.get(i)) : null;
  }

  private Entry nearWord(String word) {
    Entry stretched = singleWords.get(Typos.squeeze(word));
    if (stretched != null || word.length() < Typos.MIN_LENGTH) {
      return stretched;
    }
    for (Map.Entry<String, Entry> known : singleWords.entrySet()) {
      if (Typos.oneSlip(word, known.getKey())) {
        return known.getValue();
      }
    }
    return null;
  }
}
