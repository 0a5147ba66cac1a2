package loginbot.dialogue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.Cue;
import loginbot.nlu.Language;

/**
 * Chooses the language of the reply: the channel's metadata when it has one, else the language the
 * NLU detected, following a switch mid-chat. A single word decides only when it belongs to one
 * language's word lists ("merci", "thanks"); an ambiguous one ("ok", "4") keeps the current one.
 */
final class LanguagePolicy {
  // The app's own English messages, which French users often quote as they appear on screen.
  private static final Set<String> QUOTED_UI =
      Set.of(
          "invalid user password",
          "invalid user",
          "account disabled",
          "forgot password",
          "invalid password");
  private static final List<Cue> TELLING =
      List.of(Cue.YES, Cue.NO, Cue.ACKNOWLEDGEMENT, Cue.GREETING, Cue.THANKS);

  private final Map<Language, Set<String>> ownWords = new HashMap<>();
  private final List<Language> spoken;

  LanguagePolicy(ContentCatalog content) {
    spoken = content.languages();
    Map<Language, Set<String>> single = new HashMap<>();
    for (Language language : spoken) {
      Set<String> words = new HashSet<>();
      for (Cue cue : TELLING) {
        content.words(language).get(cue).stream()
            .filter(p -> p.size() == 1)
            .forEach(p -> words.add(p.get(0)));
      }
      single.put(language, words);
    }
    // A word both languages use ("ok", "super") tells nothing.
    for (Language language : spoken) {
      Set<String> own = new HashSet<>(single.get(language));
      single.forEach(
          (other, words) -> {
            if (!other.equals(language)) {
              own.removeAll(words);
            }
          });
      ownWords.put(language, Set.copyOf(own));
    }
  }

  Language choose(Language current, UserInput input) {
    Language chosen = chooseAny(current, input);
    if (spoken.contains(chosen)) {
      return chosen;
    }
    // A channel may name a language the content lacks ("de"): the message's own language decides.
    Language detected = input.understanding().language();
    return spoken.contains(detected)
        ? detected
        : spoken.contains(current) ? current : spoken.get(0);
  }

  private Language chooseAny(Language current, UserInput input) {
    if (input.channelLanguage().isPresent()) {
      return input.channelLanguage().get();
    }
    if (input.text().trim().startsWith("/")) {
      return current;
    }
    List<String> words = input.understanding().reading().words();
    if (words.isEmpty() || QUOTED_UI.contains(String.join(" ", words))) {
      return current;
    }
    if (words.size() == 1) {
      for (Map.Entry<Language, Set<String>> own : ownWords.entrySet()) {
        if (own.getValue().contains(words.get(0))) {
          return own.getKey();
        }
      }
      return current;
    }
    return input.understanding().language();
  }
}
