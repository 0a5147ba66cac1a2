package loginbot.dialogue.content;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The word lists of one language (or of several, merged), each entry already normalised into words
 * the way messages are read, so the dialogue compares word sequences only. Immutable.
 *
 * @param phrases per kind of cue, the entries as lists of words
 * @param facts facts a user may state, each with the phrases that state it
 */
public record Lexicon(Map<Cue, List<List<String>>> phrases, List<FactCue> facts) {

  /** A fact ({@code access_revoked = no}) and the phrases that state it. */
  public record FactCue(String fact, String value, List<List<String>> says) {
    public FactCue {
      says = says.stream().map(List::copyOf).toList();
    }
  }

  public Lexicon {
    Map<Cue, List<List<String>>> copy = new EnumMap<>(Cue.class);
    phrases.forEach((k, v) -> copy.put(k, v.stream().map(List::copyOf).toList()));
    phrases = Map.copyOf(copy);
    facts = List.copyOf(facts);
  }

  /** The entries of one kind. */
  public List<List<String>> get(Cue cue) {
    return phrases.getOrDefault(cue, List.of());
  }

  /** Every list of {@code lexicons} joined: people mix languages, and "ok" or "no" are shared. */
  public static Lexicon merge(List<Lexicon> lexicons) {
    Map<Cue, List<List<String>>> phrases = new EnumMap<>(Cue.class);
    List<FactCue> facts = new ArrayList<>();
    for (Lexicon l : lexicons) {
      l.phrases.forEach(
          (cue, list) -> phrases.computeIfAbsent(cue, c -> new ArrayList<>()).addAll(list));
      facts.addAll(l.facts);
    }
    return new Lexicon(phrases, facts);
  }
}
