package loginbot.dialogue;

import loginbot.dialogue.content.Msg;

/**
 * A reply to the role question that names no role. The bot never asks the same words twice: the
 * first time it asks in other words with the buttons; the second time it goes on as for the account
 * holder (the likelier case) and says how to switch.
 */
final class RoleQuestion {
  private final Texts texts;

  RoleQuestion(Texts texts) {
    this.texts = texts;
  }

  /** Returns true when the bot went on with an assumed role (the caller starts the case). */
  boolean unanswered(TurnBuilder t) {
    t.notUnderstoodInRow = t.previousMisses() + 1;
    if (t.notUnderstoodInRow == 1) {
      t.say(texts.get(Msg.ROLE_QUESTION_AGAIN, t.language), texts.roles(t.language));
      return false;
    }
    t.notUnderstoodInRow = 0;
    t.role = Role.CUSTOMER;
    t.facts.put(RoleSource.FACT, RoleSource.ASSUMED);
    t.say(texts.get(Msg.ROLE_ASSUMED, t.language));
    return true;
  }
}
