package loginbot.dialogue.content;

import java.util.Locale;
import java.util.Optional;
import loginbot.dialogue.HandoffPacket;

/**
 * Where an answer leads, written in content files as {@code next}, {@code resolved}, {@code end},
 * {@code handoff}, {@code handoff:SUPPORT_ACTION}, {@code case:<case id>} or a step id of the same
 * flow.
 */
public sealed interface Target {

  /** The following step of the flow; after the last one, a handoff because the steps ran out. */
  record Next() implements Target {}

  /** The user confirmed the fix: close as resolved by the bot. */
  record Resolved() implements Target {}

  /** Close without a resolution (the user will follow up elsewhere). */
  record End() implements Target {}

  /** Hand over to a human for this reason. */
  record Handoff(HandoffPacket.Reason reason) implements Target {}

  /** Start another case for the same role. */
  record Case(String caseId) implements Target {}

  /** Jump to a step of the same flow. */
  record Step(String stepId) implements Target {}

  /** Parses a target; empty when the text is not a valid one (the validator names the file). */
  static Optional<Target> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    switch (t) {
      case "next":
        return Optional.of(new Next());
      case "resolved":
        return Optional.of(new Resolved());
      case "end":
        return Optional.of(new End());
      case "handoff":
        return Optional.of(new Handoff(HandoffPacket.Reason.STEPS_EXHAUSTED));
      default:
        break;
    }
    if (t.startsWith("handoff:")) {
      String reason = t.substring("handoff:".length()).trim().toUpperCase(Locale.ROOT);
      for (HandoffPacket.Reason r : HandoffPacket.Reason.values()) {
        if (r.name().equals(reason)) {
          return Optional.of(new Handoff(r));
        }
      }
      return Optional.empty();
    }
    if (t.startsWith("case:")) {
      String id = t.substring("case:".length()).trim();
      return id.isEmpty() ? Optional.empty() : Optional.of(new Case(id));
    }
    return t.matches("[a-z0-9_]+") ? Optional.of(new Step(t)) : Optional.empty();
  }
}
