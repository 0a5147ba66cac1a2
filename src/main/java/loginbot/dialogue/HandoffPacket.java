package loginbot.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import loginbot.nlu.Language;

/**
 * Everything a human agent needs to take over without asking the user again.
 *
 * @param role null when the bot never learned it
 * @param caseId null when no case was started
 * @param identifier the username or e-mail the user gave, null if none
 * @param lastMessages the last messages of the conversation, masked, oldest first
 * @param summary a short English summary for the agent
 */
public record HandoffPacket(
    Reason reason,
    Role role,
    Language language,
    String caseId,
    List<StepTried> steps,
    Map<String, String> facts,
    String identifier,
    List<String> lastMessages,
    String summary,
    Instant at) {

  /** Why the bot handed off. */
  public enum Reason {
    USER_ASKED,
    STEPS_EXHAUSTED,
    NOT_UNDERSTOOD,
    SUPPORT_ACTION
  }

  /** One step the bot gave and what the user said about it. */
  public record StepTried(String step, String outcome) {}

  public HandoffPacket {
    steps = List.copyOf(steps);
    facts = Map.copyOf(facts);
    lastMessages = List.copyOf(lastMessages);
  }
}
