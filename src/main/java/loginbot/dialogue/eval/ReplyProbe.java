package loginbot.dialogue.eval;

import java.time.Instant;
import java.util.Optional;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Responder;
import loginbot.dialogue.Role;
import loginbot.dialogue.Status;
import loginbot.dialogue.Turn;
import loginbot.nlu.Language;

/**
 * Puts one reply to the bot right after its first "Did that work?" (a customer who forgot their
 * password was told to tap "Forgot password?") and says what the bot did with it.
 */
public final class ReplyProbe {
  static final String CASE = "forgot_password";
  static final String STEP = CASE + "/forgot_password_link";
  private static final Instant AT = Instant.parse("2025-03-05T15:00:00Z");

  /** What the bot made of the reply. */
  public enum Move {
    RESOLVED,
    TOOK_AS_NO,
    NEW_PROBLEM,
    HANDED_OFF,
    ASKED_AGAIN
  }

  private final Responder bot;

  public ReplyProbe(Responder bot) {
    this.bot = bot;
  }

  /** The bot's move on {@code reply}, typed by a customer writing in {@code language}. */
  public Move probe(Language language, String reply) {
    ConversationState asked =
        bot.respond(null, "/case " + CASE, Optional.of(Role.CUSTOMER), Optional.of(language), AT)
            .turn()
            .next();
    if (asked.awaiting() != ConversationState.Awaiting.OUTCOME) {
      throw new IllegalStateException("the bot did not ask whether the first step worked");
    }
    Turn turn = bot.respond(asked, reply, Optional.empty(), Optional.empty(), AT).turn();
    return move(turn.next());
  }

  private static Move move(ConversationState after) {
    if (after.resolved()) {
      return Move.RESOLVED;
    }
    String outcome =
        after.steps().stream()
            .filter(s -> s.step().equals(STEP))
            .map(HandoffPacket.StepTried::outcome)
            .findFirst()
            .orElse("");
    if (outcome.equals("did not work") || outcome.equals("answered no")) {
      return Move.TOOK_AS_NO;
    }
    if (after.status() == Status.HANDOFF) {
      return Move.HANDED_OFF;
    }
    if (!CASE.equals(after.caseId()) || after.pendingCaseId() != null) {
      return Move.NEW_PROBLEM;
    }
    return Move.ASKED_AGAIN;
  }
}
