package loginbot.dialogue;

import java.util.Optional;
import java.util.Set;
import loginbot.nlu.Intent;

/**
 * One- or two-word greetings and thanks ("hi", "salut", "merci"), which a classifier scores low for
 * lack of words; used only when the NLU did not understand the message.
 */
final class SmallTalk {
  private static final Set<String> GREETINGS =
      Set.of(
          "hi",
          "hello",
          "hey",
          "hi there",
          "hello there",
          "good morning",
          "good afternoon",
          "good evening",
          "bonjour",
          "salut",
          "allo",
          "bonsoir",
          "bon matin");
  private static final Set<String> THANKS =
      Set.of(
          "thanks",
          "thank you",
          "thx",
          "ty",
          "bye",
          "goodbye",
          "merci",
          "merci beaucoup",
          "au revoir",
          "bye bye",
          "thanks a lot",
          "merci bien");

  private SmallTalk() {}

  static Optional<Intent> read(String text) {
    String t = YesNo.normalise(text);
    if (GREETINGS.contains(t)) {
      return Optional.of(Intent.GREETING);
    }
    if (THANKS.contains(t)) {
      return Optional.of(Intent.GOODBYE);
    }
    return Optional.empty();
  }
}
