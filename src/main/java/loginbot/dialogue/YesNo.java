package loginbot.dialogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import loginbot.dialogue.Cues.Answer;
import loginbot.dialogue.PhraseScan.Match;
import loginbot.dialogue.content.Cue;
import loginbot.dialogue.content.Lexicon;
import loginbot.nlu.Intent;
import loginbot.nlu.Prediction;
import loginbot.nlu.Understanding;

/**
 * Reads a reply to a yes/no question, in English or French, knowing the scope of a negation: a
 * negation up to three words before or two after a yes or "it worked" turns it into a no
 * ("absolutely not", "it didn't work", « ça marche pas »), one just before a failure turns it into
 * a yes ("no more errors"), and one on its own is a no. A hedge, a question or a "but" after a yes
 * makes the answer unclear; a message with no such word is no answer at all. Praise ("great", «
 * super ») is a yes only where it is the answer, at the start of a sentence or in a short one:
 * "great, thanks" is, "your app looks great by the way" is not. The classifier's affirm/deny is
 * used only for a few words of no other kind, and only when it is sure.
 */
final class YesNo {
  static final int BEFORE = 3;
  static final int AFTER = 2;
  static final int FAILURE_BEFORE = 2;

  /**
   * Praise answers when it is among a sentence's first two words, or the sentence is this short.
   */
  static final int PRAISE_FROM_START = 1;

  static final int PRAISE_SHORT_SENTENCE = 3;

  /** Longer messages are never taken as yes or no on the classifier's word alone. */
  static final int CLASSIFIER_MAX_WORDS = 4;

  static final double CLASSIFIER_CONFIDENCE = 0.5;

  private static final List<Cue> ORDER =
      List.of(
          Cue.HEDGE,
          Cue.NO,
          Cue.YES,
          Cue.FAILED,
          Cue.WORKED,
          Cue.PRAISE,
          Cue.NEGATION,
          Cue.ACKNOWLEDGEMENT,
          Cue.CONTRAST,
          Cue.GREETING,
          Cue.THANKS);

  private final PhraseScan scan;
  private final PhraseScan questions;
  private final Set<String> negationWords = new HashSet<>();

  YesNo(Lexicon lexicon) {
    this.scan = new PhraseScan(lexicon, ORDER, true);
    this.questions = new PhraseScan(lexicon, List.of(Cue.QUESTION));
    lexicon.get(Cue.NEGATION).stream()
        .filter(p -> p.size() == 1)
        .forEach(p -> negationWords.add(p.get(0)));
  }

  /** What {@code sentences} answer, with the classifier's view as a last resort. */
  Reply read(String text, List<List<String>> sentences, Understanding understanding) {
    Tally all = new Tally();
    Tally afterContrast = null;
    boolean question = text != null && text.contains("?");
    for (List<String> words : sentences) {
      List<Match> asks = questions.scan(words);
      question |= !asks.isEmpty() && asks.get(0).start() == 0;
      List<Match> matches = scan.scan(words);
      Set<Match> flippers = new HashSet<>();
      List<Integer> votes = new ArrayList<>();
      for (Match m : matches) {
        votes.add(vote(m, matches, flippers, words));
      }
      for (int i = 0; i < matches.size(); i++) {
        Match m = matches.get(i);
        if (m.cue() == Cue.CONTRAST) {
          all.contrastAfterYes |= all.pos > 0;
          afterContrast = new Tally();
          continue;
        }
        // A negation that turned nothing around is a no of its own ("not at all", "nothing").
        int vote = m.cue() == Cue.NEGATION && !flippers.contains(m) ? -1 : votes.get(i);
        all.add(m, vote);
        if (afterContrast != null) {
          afterContrast.add(m, vote);
        }
      }
    }
    Answer answer = decide(all, afterContrast, question);
    if (answer == Answer.NONE && !question) {
      answer = classifier(understanding, sentences.stream().mapToInt(List::size).sum());
    }
    return new Reply(answer, all.hedge, question);
  }

  /** The answer, whether it hedges, and whether it asks something. */
  record Reply(Answer answer, boolean hedged, boolean question) {}

  /** +1 for a yes, -1 for a no, 0 for words that are neither (negations are counted after). */
  private int vote(Match m, List<Match> matches, Set<Match> flippers, List<String> words) {
    switch (m.cue()) {
      case YES, WORKED, PRAISE -> {
        // Turned around, even praise in passing is a no ("it's still not good"): when unsure, the
        // bot must lean away from closing the chat as solved.
        Optional<Match> negation = negationNear(m, matches, flippers, BEFORE, AFTER);
        negation.ifPresent(flippers::add);
        if (negation.isPresent()) {
          return -1;
        }
        boolean inPassing =
            m.cue() == Cue.PRAISE
                && m.start() > PRAISE_FROM_START
                && words.size() > PRAISE_SHORT_SENTENCE;
        return inPassing ? 0 : 1; // a compliment in passing answers nothing
      }
      case FAILED -> {
        if (words.subList(m.start(), m.end()).stream().anyMatch(negationWords::contains)) {
          // A failure said with a negation ("nothing changed", « rien fait ») is not turned around
          // by another: French « ne » goes with « rien » (« ça n'a rien fait »).
          return -1;
        }
        // Only a word as short as « d' » may stand between: in "can't login, same error" the
        // negation is the verb's, and the failure stands.
        Optional<Match> negation =
            negationNear(m, matches, flippers, FAILURE_BEFORE, 0)
                .filter(
                    n ->
                        words.subList(Math.min(n.end(), m.start()), m.start()).stream()
                            .allMatch(w -> w.length() <= 2));
        negation.ifPresent(flippers::add);
        return negation.isPresent() ? 1 : -1;
      }
      case NO -> {
        return -1;
      }
      default -> {
        return 0;
      }
    }
  }

  /**
   * The negation that turns {@code m} around, if any: one not already spent on an earlier word,
   * since a negation turns one thing around ("no more error message, logged in" is a yes).
   */
  private static Optional<Match> negationNear(
      Match m, List<Match> matches, Set<Match> spent, int before, int after) {
    return matches.stream()
        .filter(n -> n.cue() == Cue.NEGATION && !spent.contains(n))
        .filter(
            n ->
                (n.end() <= m.start() && m.start() - n.end() < before)
                    || (n.start() >= m.end() && n.start() - m.end() < after))
        .findFirst();
  }

  private static Answer decide(Tally all, Tally afterContrast, boolean question) {
    if (all.pos == 0 && all.neg == 0) {
      return all.hedge || question ? Answer.UNCLEAR : Answer.NONE;
    }
    if (all.pos == 0) {
      // « Je ne suis pas sûr »: a hedge with nothing but a bare "not" is not a no.
      return all.hedge && all.strongNeg == 0 ? Answer.UNCLEAR : Answer.NO;
    }
    if (all.neg == 0) {
      return all.hedge || question || all.contrastAfterYes ? Answer.UNCLEAR : Answer.YES;
    }
    if (all.hedge) {
      return Answer.UNCLEAR;
    }
    if (afterContrast != null) {
      return afterContrast.neg > 0 && afterContrast.pos == 0 ? Answer.NO : Answer.UNCLEAR;
    }
    return all.neg >= all.pos ? Answer.NO : Answer.UNCLEAR;
  }

  /** Affirm or deny from the classifier, only for a short message it is sure about. */
  private static Answer classifier(Understanding understanding, int words) {
    Optional<Intent> intent = understanding.intent();
    Prediction p = understanding.prediction();
    if (intent.isEmpty()
        || words > CLASSIFIER_MAX_WORDS
        || p == null
        || p.confidence() < CLASSIFIER_CONFIDENCE) {
      return Answer.NONE;
    }
    if (intent.get().equals(Intent.AFFIRM)) {
      return Answer.YES;
    }
    return intent.get().equals(Intent.DENY) ? Answer.NO : Answer.NONE;
  }

  /** Votes of one message, or of the part after its last "but". */
  private static final class Tally {
    int pos;
    int neg;
    int strongNeg;
    boolean hedge;
    boolean contrastAfterYes;

    void add(Match m, int vote) {
      hedge |= m.cue() == Cue.HEDGE;
      if (vote > 0) {
        pos++;
      } else if (vote < 0) {
        neg++;
        strongNeg += m.cue() == Cue.NEGATION ? 0 : 1;
      }
    }
  }
}
