package loginbot.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import loginbot.dialogue.ConversationState.Awaiting;
import loginbot.dialogue.content.Msg;
import loginbot.handoff.SupportHours;

/** Hands a conversation to a person: the packet for the agent and the notice for the user. */
final class Handoffs {
  private final Texts texts;
  private final SupportHours hours;

  Handoffs(Texts texts, SupportHours hours) {
    this.texts = texts;
    this.hours = hours;
  }

  void handOff(TurnBuilder t, HandoffPacket.Reason reason, Instant at) {
    t.outcome(TurnBuilder.Outcomes.NO_ANSWER);
    HandoffPacket packet =
        new HandoffPacket(
            reason,
            t.role,
            t.language,
            t.caseId,
            t.steps,
            t.facts,
            t.facts.get(FactExtractor.IDENTIFIER),
            t.recentMessages,
            summary(t, reason),
            at);
    if (hours.isOpen(at)) {
      t.say(texts.get(Msg.HANDOFF_OPEN, t.language));
    } else {
      String back = Texts.when(hours.nextOpening(at).orElseThrow(), t.language);
      t.say(texts.get(Msg.HANDOFF_CLOSED, t.language).replace("{backAt}", back));
    }
    t.act(new Action.Handoff(packet));
    t.status = Status.HANDOFF;
    t.awaiting = Awaiting.NOTHING;
    t.pendingCaseId = null;
    t.notUnderstoodInRow = 0;
  }

  /** A few plain English lines, so an agent of any language can read them at a glance. */
  static String summary(TurnBuilder t, HandoffPacket.Reason reason) {
    StringBuilder s = new StringBuilder();
    s.append(t.role == null ? "Unknown role" : capitalise(t.role.code()))
        .append(", writing in ")
        .append(t.language == null ? "?" : t.language.code().toUpperCase())
        .append(". ")
        .append(why(reason))
        .append('.');
    if (t.caseId != null) {
      s.append(" Problem: ").append(t.caseId.replace('_', ' ')).append('.');
    }
    if (!t.steps.isEmpty()) {
      s.append(" Tried: ")
          .append(
              t.steps.stream()
                  .map(
                      step ->
                          step.step().substring(step.step().indexOf('/') + 1).replace('_', ' ')
                              + " ("
                              + step.outcome()
                              + ")")
                  .collect(Collectors.joining("; ")))
          .append('.');
    }
    Map<String, String> facts = t.facts;
    List<String> shown =
        facts.entrySet().stream()
            // Where the role came from is said with the role, in the packet and the note.
            .filter(
                e -> !e.getKey().startsWith("identifier") && !e.getKey().equals(RoleSource.FACT))
            .map(e -> e.getKey().replace('_', ' ') + ": " + e.getValue())
            .toList();
    if (!shown.isEmpty()) {
      s.append(" Facts: ").append(String.join(", ", shown)).append('.');
    }
    if (facts.containsKey(FactExtractor.IDENTIFIER)) {
      s.append(" Logs in with ")
          .append(facts.get(FactExtractor.IDENTIFIER_TYPE))
          .append(' ')
          .append(facts.get(FactExtractor.IDENTIFIER))
          .append('.');
    }
    return s.toString();
  }

  private static String why(HandoffPacket.Reason reason) {
    switch (reason) {
      case USER_ASKED:
        return "Asked for a person";
      case STEPS_EXHAUSTED:
        return "The bot's steps did not solve it";
      case NOT_UNDERSTOOD:
        return "The bot did not understand the request";
      case SUPPORT_ACTION:
        return "Needs a support action (e.g. reactivating the account or releasing the e-mail)";
      default:
        return reason.name();
    }
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
