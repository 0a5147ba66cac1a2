package loginbot.dialogue;

import java.time.Instant;
import loginbot.dialogue.ConversationState.Awaiting;
import loginbot.dialogue.content.Msg;

/** The bot's own moves, outside any case: menus, not-understood, asking again, closing. */
final class SystemTurns implements CaseWalker.Resolver {
  private final Texts texts;
  private final Handoffs handoffs;
  private final CaseWalker walker;

  SystemTurns(Texts texts, Handoffs handoffs, CaseWalker walker) {
    this.texts = texts;
    this.handoffs = handoffs;
    this.walker = walker;
  }

  void menu(TurnBuilder t, Msg intro) {
    t.awaiting = Awaiting.CASE_CHOICE;
    t.say(texts.get(intro, t.language), texts.greetingMenu(t.language));
  }

  /** First miss: say what the bot can do; second in a row: offer a person; third: hand off. */
  void notUnderstood(TurnBuilder t, boolean outOfScope, Instant at) {
    t.notUnderstoodInRow = t.previousMisses() + 1;
    if (t.notUnderstoodInRow >= 3) {
      handoffs.handOff(t, HandoffPacket.Reason.NOT_UNDERSTOOD, at);
    } else if (t.notUnderstoodInRow == 2) {
      t.awaiting = Awaiting.HUMAN_OFFER;
      t.say(texts.get(Msg.OFFER_HUMAN, t.language), texts.humanOffer(t.language));
    } else if (t.awaiting == Awaiting.OUTCOME) {
      t.say(texts.get(Msg.NOT_UNDERSTOOD_STEP, t.language), texts.stepFallback(t.language));
    } else if (t.awaiting == Awaiting.ROLE) {
      t.say(texts.get(Msg.ROLE_QUESTION_AGAIN, t.language), texts.roles(t.language));
    } else {
      menu(t, outOfScope ? Msg.OUT_OF_SCOPE : Msg.NOT_UNDERSTOOD);
    }
  }

  /** Repeats what the bot was waiting for, after a message that held nothing but a password. */
  void reprompt(TurnBuilder t) {
    if (t.awaiting == Awaiting.OUTCOME) {
      walker.reask(t);
    } else if (t.awaiting == Awaiting.ROLE) {
      t.say(texts.get(Msg.ROLE_QUESTION, t.language), texts.roles(t.language));
    } else if (t.awaiting == Awaiting.HUMAN_OFFER) {
      t.say(texts.get(Msg.OFFER_HUMAN, t.language), texts.humanOffer(t.language));
    } else {
      menu(t, Msg.MENU_PROMPT);
    }
  }

  /** The user confirmed a step worked: closed as resolved by the bot, then "Was this helpful?". */
  @Override
  public void resolve(TurnBuilder t) {
    t.resolved = true;
    t.status = Status.CLOSED;
    t.awaiting = Awaiting.FEEDBACK;
    t.say(texts.get(Msg.RESOLVED, t.language));
    t.say(texts.get(Msg.HELPFUL_QUESTION, t.language), texts.yesNo(t.language));
    t.act(new Action.Close(true));
  }

  @Override
  public void end(TurnBuilder t) {
    end(t, Msg.END);
  }

  /** Closes without a resolution, with a last word. */
  void end(TurnBuilder t, Msg message) {
    t.status = Status.CLOSED;
    t.awaiting = Awaiting.NOTHING;
    t.pendingCaseId = null;
    t.say(texts.get(message, t.language));
    t.act(new Action.Close(false));
  }
}
