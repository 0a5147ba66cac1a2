package loginbot.attachment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.ContentSource;
import loginbot.nlu.ContentText;

/**
 * The article's on-screen messages ({@code content/screens.yaml}) and the search for them in the
 * text read from a screenshot. Reading errors are tolerated: a window of words matches when its
 * letters are at least {@link #MIN_SIMILARITY} alike, so "Acount disab1ed" still finds "Account
 * disabled".
 */
public final class ScreenMessages {
  static final String FILE = "content/screens.yaml";
  static final double MIN_SIMILARITY = 0.8;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** One case and the messages that show it. */
  record Entry(
      @com.fasterxml.jackson.annotation.JsonProperty("case") String caseId,
      List<String> messages) {}

  /** A message found on a screen: the case it starts, and the message as the content words it. */
  public record Match(String caseId, String message) {}

  private record Pattern(String caseId, String message, String[] words) {}

  private final List<Pattern> patterns;

  private ScreenMessages(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** Loads and checks the file against the cases; errors name the file and the entry. */
  public static ScreenMessages load(ContentSource source, ContentCatalog content) {
    ContentText text =
        source.text(FILE).orElseThrow(() -> new IllegalStateException(FILE + ": missing file"));
    List<Entry> entries;
    try {
      entries = text.read(MAPPER, new TypeReference<List<Entry>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(FILE + ": " + e.getOriginalMessage(), e);
    }
    List<Pattern> patterns = new ArrayList<>();
    for (Entry e : entries) {
      if (e.caseId() == null || content.find(e.caseId()).isEmpty()) {
        throw new IllegalStateException(FILE + ": unknown case '" + e.caseId() + "'");
      }
      if (e.messages() == null || e.messages().isEmpty()) {
        throw new IllegalStateException(FILE + ": case '" + e.caseId() + "' lists no messages");
      }
      for (String m : e.messages()) {
        String[] words = words(m);
        if (words.length == 0) {
          throw new IllegalStateException(FILE + ": an empty message in '" + e.caseId() + "'");
        }
        patterns.add(new Pattern(e.caseId(), m.strip(), words));
      }
    }
    return new ScreenMessages(patterns);
  }

  /** The best message found in the text, if any is close enough. */
  public Optional<Match> find(String screenText) {
    String[] words = words(screenText);
    Pattern best = null;
    double bestScore = MIN_SIMILARITY;
    for (Pattern p : patterns) {
      double score = bestWindow(words, p.words());
      if (score > bestScore + 1e-9) {
        best = p;
        bestScore = score;
      }
    }
    return best == null ? Optional.empty() : Optional.of(new Match(best.caseId(), best.message()));
  }

  /** The highest similarity between the pattern and any run of about as many words. */
  private static double bestWindow(String[] words, String[] pattern) {
    String target = String.join(" ", pattern);
    double best = 0;
    for (int size = Math.max(1, pattern.length - 1); size <= pattern.length + 1; size++) {
      for (int start = 0; start + size <= words.length; start++) {
        String window = String.join(" ", Arrays.copyOfRange(words, start, start + size));
        best = Math.max(best, similarity(window, target));
      }
    }
    return best;
  }

  static double similarity(String a, String b) {
    int longest = Math.max(a.length(), b.length());
    return longest == 0 ? 1 : 1 - (double) distance(a, b) / longest;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Lower case, no accents, letters and digits only; OCR's usual confusions folded. */
  static String[] words(String text) {
    String folded =
        Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replace('|', 'l')
            .replaceAll("[^a-z0-9]+", " ")
            .strip();
    return folded.isEmpty() ? new String[0] : folded.split(" ");
  }
}
