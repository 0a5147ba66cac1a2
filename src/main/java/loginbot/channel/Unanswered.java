package loginbot.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.Responder;
import loginbot.dialogue.Status;
import loginbot.dialogue.Turn;
import loginbot.nlu.Intent;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;

/**
 * What a user wrote during a handoff that nobody answered, answered by the bot once it has the
 * conversation back. Chatwoot delivers events with no ordering, so a question written after an
 * agent set the conversation pending can arrive before the event that says so; and an agent may
 * hand back without a word. Either way the question was for someone, and the bot is who is left.
 */
final class Unanswered {
  /** Enough for a burst of short messages; older ones were for the humans. */
  static final int MAX_MESSAGES = 5;

  /** How far back the transcript is read to find them. */
  static final int TAIL = 40;

  /**
   * What is said to a person, not asked of the bot ("hello?", "ok", "thanks"); nor is a message the
   * bot cannot place: the hand-back's own menu answers that.
   */
  private static final Set<Intent> SMALL_TALK =
      Set.of(Intent.GREETING, Intent.GOODBYE, Intent.AFFIRM, Intent.DENY, Intent.OUT_OF_SCOPE);

  private Unanswered() {}

  /**
   * The user's messages after the last line anyone (bot or agent) said to them, oldest first, at
   * most {@link #MAX_MESSAGES}. Empty when the user's last message was answered.
   *
   * @param onlyIfNoPersonSpoke for an agent's own hand-back: once a person has talked with the user
   *     since the bot last spoke, what the user said was for that person, who hands back knowing
   *     it. A platform's hand-back is different: Chatwoot sends the bot only what a visitor wrote
   *     while the conversation was the bot's turn.
   */
  static List<String> texts(List<TranscriptEntry> tail, boolean onlyIfNoPersonSpoke) {
    List<String> texts = new ArrayList<>();
    boolean personSpoke = false;
    for (TranscriptEntry line : tail) {
      if (line.author() == Author.BOT || line.author() == Author.AGENT) {
        texts.clear();
        personSpoke = line.author() == Author.AGENT;
      } else if (line.author() == Author.USER && !line.text().isBlank()) {
        texts.add(line.text());
      }
    }
    if (onlyIfNoPersonSpoke && personSpoke) {
      return List.of();
    }
    return texts.size() <= MAX_MESSAGES
        ? texts
        : List.copyOf(texts.subList(texts.size() - MAX_MESSAGES, texts.size()));
  }

  /**
   * The hand-back turn followed by the dialogue's answer to each text that asks something, in
   * order, as if they had arrived after it; stops once the dialogue hands off again (the rest are
   * for the humans). The hand-back's own options are dropped when questions follow: the answers
   * bring their own.
   */
  static Turn answered(Responder responder, Turn handBack, List<String> texts, Instant now) {
    List<String> questions =
        texts.stream()
            .filter(
                t ->
                    !SMALL_TALK.contains(
                        responder.read(handBack.next(), t).understanding().effectiveIntent()))
            .toList();
    if (questions.isEmpty()) {
      return handBack;
    }
    List<Action> actions = new ArrayList<>();
    for (Action a : handBack.actions()) {
      actions.add(a instanceof Action.Reply r ? Action.Reply.text(r.text()) : a);
    }
    ConversationState state = handBack.next();
    for (String text : questions) {
      // The text is the transcript's, masked already; the role and language are the state's.
      Turn turn =
          responder
              .respond(state, text, Optional.empty(), Optional.empty(), now, Optional.empty())
              .turn();
      actions.addAll(turn.actions());
      state = turn.next();
      if (state.status() == Status.HANDOFF) {
        break;
      }
    }
    return new Turn(state, actions);
  }
}
