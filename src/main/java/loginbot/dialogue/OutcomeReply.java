package loginbot.dialogue;

import java.time.Instant;
import java.util.Optional;
import loginbot.dialogue.content.CaseSpec;
import loginbot.dialogue.content.Msg;
import loginbot.nlu.Intent;

/**
 * A typed reply to "Did that work?". Only a clear yes resolves; a no moves to the next step; facts
 * that answer the step skip it; a new problem goes to that problem; anything else (a hedge, a
 * question, "yes but…", off-topic text) gets a clarifying question with Yes / No and a person.
 */
final class OutcomeReply {
  /** A yes this long that also names another problem is about that problem ("ok, now it says…"). */
  static final int SHORT_YES_WORDS = 6;

  private final Texts texts;
  private final CaseWalker walker;
  private final SystemTurns system;
  private final Handoffs handoffs;

  OutcomeReply(Texts texts, CaseWalker walker, SystemTurns system, Handoffs handoffs) {
    this.texts = texts;
    this.walker = walker;
    this.system = system;
    this.handoffs = handoffs;
  }

  void reply(
      TurnBuilder t,
      Cues said,
      Optional<Intent> intent,
      Optional<CaseSpec> caseOfIntent,
      boolean masked,
      Instant at) {
    if (walker.answeredByFacts(t, at)) {
      return; // "I already checked, her access is not revoked": the step is moot
    }
    boolean sameCase = caseOfIntent.isPresent() && caseOfIntent.get().id().equals(t.caseId);
    boolean otherCase = caseOfIntent.isPresent() && !sameCase;
    switch (said.answer()) {
      case NO -> walker.answer(t, false, at, system);
      case YES -> {
        if (masked) {
          clarify(t, at); // part of the message is hidden: it may have been "not" or "didn't"
        } else if (otherCase && said.words() > SHORT_YES_WORDS) {
          walker.start(t, caseOfIntent.get(), at);
        } else {
          walker.answer(t, true, at, system);
        }
      }
      case UNCLEAR -> {
        if (otherCase) {
          walker.start(t, caseOfIntent.get(), at);
        } else {
          clarify(t, at);
        }
      }
      case NONE -> {
        if (sameCase || intent.filter(Intent.CANNOT_LOGIN::equals).isPresent()) {
          walker.answer(t, false, at, system); // the same problem again: the step did not help
        } else if (otherCase) {
          walker.start(t, caseOfIntent.get(), at);
        } else {
          clarify(t, at);
        }
      }
    }
  }

  /**
   * Asks again in other words, with Yes / No and a person; the second time in a row in still other
   * words, the third time a person takes over.
   */
  private void clarify(TurnBuilder t, Instant at) {
    t.notUnderstoodInRow = t.previousMisses() + 1;
    if (t.notUnderstoodInRow >= 3) {
      handoffs.handOff(t, HandoffPacket.Reason.NOT_UNDERSTOOD, at);
      return;
    }
    Msg question = t.notUnderstoodInRow == 1 ? Msg.CLARIFY_OUTCOME : Msg.CLARIFY_OUTCOME_AGAIN;
    t.say(texts.get(question, t.language), texts.clarify(t.language));
  }
}
