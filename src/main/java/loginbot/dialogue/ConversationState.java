package loginbot.dialogue;

import java.util.List;
import java.util.Map;
import loginbot.nlu.Language;

/**
 * Everything the dialogue remembers about one conversation. Immutable; serialised as JSON by the
 * store, so fields may be added (with defaults for older rows) but never renamed.
 *
 * @param role null until known
 * @param caseId the article case being walked through, null when none
 * @param stepIndex index of the step last given within the case
 * @param awaiting what the bot's last message asked for
 * @param steps steps given so far with their outcomes
 * @param facts what the user told us (error seen, identifier type, reset e-mail received, ...)
 * @param notUnderstoodInRow consecutive messages the bot did not understand
 * @param recentMessages the last few messages (masked), for the handoff packet
 */
public record ConversationState(
    Status status,
    Role role,
    Language language,
    String caseId,
    int stepIndex,
    Awaiting awaiting,
    List<HandoffPacket.StepTried> steps,
    Map<String, String> facts,
    int notUnderstoodInRow,
    boolean resolved,
    List<String> recentMessages) {

  /** What the bot is waiting for, so that "yes", "no" or a bare word can be read in context. */
  public enum Awaiting {
    NOTHING,
    CASE_CHOICE,
    ROLE,
    OUTCOME,
    HUMAN_OFFER,
    FEEDBACK,
    RATING
  }

  public ConversationState {
    awaiting = awaiting == null ? Awaiting.NOTHING : awaiting;
    steps = steps == null ? List.of() : List.copyOf(steps);
    facts = facts == null ? Map.of() : Map.copyOf(facts);
    recentMessages = recentMessages == null ? List.of() : List.copyOf(recentMessages);
  }

  public static ConversationState initial(Language language) {
    return new ConversationState(
        Status.BOT, null, language, null, 0, Awaiting.NOTHING, List.of(), Map.of(), 0, false, List.of());
  }
}
