package loginbot.dialogue;

import java.util.Set;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.nlu.Language;

/**
 * Chooses the language of the reply: the channel's metadata when it has one, else the language the
 * NLU detected, following a switch mid-chat; a single ambiguous word ("ok", "4") keeps the current
 * one.
 */
final class LanguagePolicy {
  private static final Set<String> FRENCH_WORDS =
      Set.of(
          "oui",
          "non",
          "merci",
          "bonjour",
          "salut",
          "allo",
          "bonsoir",
          "ouais",
          "aide",
          "svp",
          "daccord",
          "d'accord");
  private static final Set<String> ENGLISH_WORDS =
      Set.of(
          "yes", "no", "thanks", "thank", "hello", "hi", "hey", "nope", "yeah", "yep", "help",
          "please");
  // The app's own English messages, which French users often quote as they appear on screen.
  private static final Set<String> QUOTED_UI =
      Set.of(
          "invalid user password",
          "invalid user",
          "account disabled",
          "forgot password",
          "invalid password");

  private LanguagePolicy() {}

  /**
   * As {@link #choose(Language, UserInput)}, among the languages the content is written in: a
   * channel may name another one ("de"), and then the message's own language decides.
   */
  static Language choose(ContentCatalog content, Language current, UserInput input) {
    Language chosen = choose(current, input);
    if (content.languages().contains(chosen)) {
      return chosen;
    }
    Language detected = input.understanding().language();
    return content.supported(
        content.languages().contains(detected) ? detected : content.supported(current));
  }

  static Language choose(Language current, UserInput input) {
    if (input.channelLanguage().isPresent()) {
      return input.channelLanguage().get();
    }
    String text = input.text().trim();
    if (text.startsWith("/")) {
      return current;
    }
    String words = YesNo.normalise(text);
    if (words.isEmpty() || QUOTED_UI.contains(words)) {
      return current;
    }
    String[] tokens = words.split(" ");
    if (tokens.length == 1) {
      if (FRENCH_WORDS.contains(tokens[0])) {
        return Language.FR;
      }
      if (ENGLISH_WORDS.contains(tokens[0])) {
        return Language.EN;
      }
      return current;
    }
    return input.understanding().language();
  }
}
