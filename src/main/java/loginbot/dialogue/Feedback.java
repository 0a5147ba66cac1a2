package loginbot.dialogue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loginbot.dialogue.ConversationState.Awaiting;
import loginbot.dialogue.content.Msg;
import loginbot.nlu.Intent;

/**
 * Messages to a closed conversation that answer "Was this helpful?", the 1–5 rating, or say bye.
 */
final class Feedback {
  private static final Pattern TYPED_RATING =
      Pattern.compile("(?iu)^\\s*([1-5])\\s*(?:/\\s*5|stars?|étoiles?|etoiles?)?\\s*[!.]*\\s*$");

  private Feedback() {}

  /**
   * True when the message was feedback and has been handled; false means "start a new
   * conversation".
   */
  static boolean handle(
      TurnBuilder t,
      UserInput input,
      Cues said,
      Optional<Command> command,
      Texts texts,
      LanguagePolicy languages) {
    Optional<Integer> stars =
        command.filter(Command.Rate.class::isInstance).map(c -> ((Command.Rate) c).stars());
    boolean askedForFeedback = t.awaiting == Awaiting.RATING || t.awaiting == Awaiting.FEEDBACK;
    if (stars.isEmpty() && command.isEmpty() && askedForFeedback) {
      Matcher m = TYPED_RATING.matcher(input.text());
      stars = m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
    if (stars.isPresent()) {
      t.heard(input.text());
      t.rating = stars.get();
      t.awaiting = Awaiting.NOTHING;
      t.say(texts.get(Msg.FEEDBACK_THANKS, t.language));
      return true;
    }
    if (t.awaiting == Awaiting.FEEDBACK) {
      Optional<Boolean> helpful =
          command
              .filter(Command.Answer.class::isInstance)
              .map(c -> ((Command.Answer) c).yes())
              .or(() -> command.isEmpty() ? said.yesNo() : Optional.empty());
      if (helpful.isPresent()) {
        t.heard(input.text());
        t.language = languages.choose(t.language, input);
        t.helpful = helpful.get();
        t.awaiting = Awaiting.RATING;
        t.say(texts.get(Msg.RATING_QUESTION, t.language), Texts.rating());
        return true;
      }
    }
    Optional<Intent> intent = input.understanding().intent().or(said::smallTalk);
    if (command.isEmpty() && intent.isPresent() && intent.get().equals(Intent.GOODBYE)) {
      t.heard(input.text());
      t.language = languages.choose(t.language, input);
      t.awaiting = Awaiting.NOTHING;
      t.say(texts.get(Msg.GOODBYE, t.language));
      return true;
    }
    return false;
  }
}
