package loginbot.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;

/**
 * One episode of a conversation: from its first message until the user starts over (a message to a
 * closed conversation, or a restart). Each keeps its own record until retention or a privacy
 * delete: case, outcome, handoff and packet, steps and their results, feedback, and the figures
 * analytics need. A hand-back stays in the episode it belongs to, so its packet is kept.
 *
 * @param endedAt null while the episode is open
 * @param outcome null while the bot is still on it and nobody handed it over
 * @param caseId the article case walked through last, kept after a hand-back clears the state's
 * @param handoff the packet of the episode's (latest) handoff, null if it was never handed off
 * @param firstHumanReplyAt when an agent first wrote to the user, null if none did
 * @param agent the agent who first answered, handed back or closed it
 * @param firstSeq the transcript line the episode starts at
 */
public record Episode(
    int number,
    Instant startedAt,
    Instant endedAt,
    Outcome outcome,
    Role role,
    Language language,
    String caseId,
    boolean resolved,
    List<HandoffPacket.StepTried> steps,
    HandoffPacket handoff,
    Instant firstHumanReplyAt,
    String agent,
    Boolean helpful,
    Integer rating,
    long firstSeq) {

  /** How an episode went. */
  public enum Outcome {
    /** The user confirmed a step of the bot worked, and no human was involved. */
    RESOLVED,
    /** A human was asked for or took over (still with them, or handed back). */
    HANDED_OFF,
    /** An agent closed it. */
    CLOSED_BY_AGENT,
    /** It ended without a resolution or a human: the bot's last word, or the user started over. */
    ABANDONED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromCode(String code) {
      return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  public Episode {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** A new, empty episode. */
  public static Episode start(int number, Instant at, long firstSeq) {
    return new Episode(
        number, at, null, null, null, null, null, false, List.of(), null, null, null, null, null,
        firstSeq);
  }

  public boolean open() {
    return endedAt == null;
  }
}
