package loginbot.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import loginbot.dialogue.ConversationState.Awaiting;
import loginbot.dialogue.TurnBuilder.Outcomes;
import loginbot.dialogue.content.Answer;
import loginbot.dialogue.content.CaseSpec;
import loginbot.dialogue.content.Msg;
import loginbot.dialogue.content.Step;
import loginbot.dialogue.content.Target;

/** Walks a case one step at a time: gives a step, reads Yes / No, follows the content's targets. */
final class CaseWalker {
  /** Steps entered (given or skipped) in one turn before the flow is declared runaway. */
  static final int STEP_CAP = 12;

  private final Texts texts;
  private final Handoffs handoffs;

  CaseWalker(Texts texts, Handoffs handoffs) {
    this.texts = texts;
    this.handoffs = handoffs;
  }

  /** Starts a case; asks the role first when the steps depend on it and it is unknown. */
  void start(TurnBuilder t, CaseSpec spec, Instant at) {
    t.outcome(Outcomes.LEFT);
    t.facts.putAll(spec.facts());
    if (t.role == null && spec.differsByRole()) {
      t.pendingCaseId = spec.id();
      t.awaiting = Awaiting.ROLE;
      t.say(texts.get(Msg.ROLE_QUESTION, t.language), texts.roles(t.language));
      return;
    }
    t.pendingCaseId = null;
    t.caseId = spec.id();
    t.stepId = null;
    enter(t, spec, 0, at);
  }

  /** Applies Yes or No to the step given last. */
  void answer(TurnBuilder t, boolean yes, Instant at, Resolver resolver) {
    Optional<CaseSpec> spec = texts.content().find(t.caseId);
    Optional<Step> step = spec.flatMap(s -> s.step(flowRole(t), t.stepId));
    if (step.isEmpty()) {
      // The content changed under a live conversation: start over rather than guess.
      t.awaiting = Awaiting.CASE_CHOICE;
      t.say(texts.get(Msg.MENU_PROMPT, t.language), texts.greetingMenu(t.language));
      return;
    }
    Step s = step.get();
    t.outcome(
        s.hasOwnQuestion()
            ? (yes ? Outcomes.ANSWERED_YES : Outcomes.ANSWERED_NO)
            : (yes ? Outcomes.WORKED : Outcomes.DID_NOT_WORK));
    Answer answer = yes ? s.onYes() : s.onNo();
    t.facts.putAll(answer.facts());
    follow(t, spec.get(), answer.target(), at, resolver);
  }

  /**
   * When the user's message gave facts that make the step in progress pointless ("my client is in
   * two companies" while the bot asks exactly that), moves on as if answered; false otherwise.
   */
  boolean answeredByFacts(TurnBuilder t, Instant at) {
    Optional<CaseSpec> spec = texts.content().find(t.caseId);
    Optional<Step> step = spec.flatMap(s -> s.step(flowRole(t), t.stepId));
    if (step.isEmpty() || !step.get().skippedGiven(t.facts)) {
      return false;
    }
    t.outcome(
        t.statedAny(step.get().unless().keySet()) ? Outcomes.STATED : Outcomes.ANSWERED_IN_TEXT);
    enter(t, spec.get(), t.stepIndex + 1, at);
    return true;
  }

  /** Asks again the question of the step given last (after a message that only held a password). */
  void reask(TurnBuilder t) {
    texts
        .content()
        .find(t.caseId)
        .flatMap(s -> s.step(flowRole(t), t.stepId))
        .ifPresentOrElse(
            s -> t.say(question(s, t), texts.yesNo(t.language)),
            () -> t.say(texts.get(Msg.MENU_PROMPT, t.language), texts.greetingMenu(t.language)));
  }

  private void follow(TurnBuilder t, CaseSpec spec, Target target, Instant at, Resolver resolver) {
    if (target instanceof Target.Next) {
      enter(t, spec, t.stepIndex + 1, at);
    } else if (target instanceof Target.Step s) {
      enter(t, spec, indexOf(spec, flowRole(t), s.stepId()), at);
    } else if (target instanceof Target.Case c) {
      start(t, texts.content().find(c.caseId()).orElseThrow(), at);
    } else if (target instanceof Target.Handoff h) {
      handoffs.handOff(t, h.reason(), at);
    } else if (target instanceof Target.Resolved) {
      resolver.resolve(t);
    } else if (target instanceof Target.End) {
      resolver.end(t);
    }
  }

  private void enter(TurnBuilder t, CaseSpec spec, int from, Instant at) {
    List<Step> steps = spec.steps(flowRole(t));
    for (int i = from; i < steps.size(); i++) {
      if (!t.enterStep(STEP_CAP)) {
        t.facts.put("step_cap_reached", spec.id() + "/" + steps.get(i).id());
        handoffs.handOff(t, HandoffPacket.Reason.STEPS_EXHAUSTED, at);
        return;
      }
      Step step = steps.get(i);
      if (t.alreadyGiven(step.id())) {
        continue;
      }
      if (step.skippedGiven(t.facts)) {
        if (t.statedAny(step.unless().keySet())) {
          // The packet says the user told us: the agent neither asks again nor reads it as tried.
          t.steps.add(new HandoffPacket.StepTried(spec.id() + "/" + step.id(), Outcomes.STATED));
        }
        continue;
      }
      give(t, spec, i, step, at);
      return;
    }
    handoffs.handOff(t, HandoffPacket.Reason.STEPS_EXHAUSTED, at);
  }

  private void give(TurnBuilder t, CaseSpec spec, int index, Step step, Instant at) {
    t.caseId = spec.id();
    t.stepIndex = index;
    t.stepId = step.id();
    t.facts.putAll(step.facts());
    t.steps.add(new HandoffPacket.StepTried(spec.id() + "/" + step.id(), Outcomes.GIVEN));
    t.say(texts.fill(step.text(t.language), t.language));
    if (step.kind() == Step.Kind.HANDOFF) {
      t.outcome(Outcomes.HANDED_OFF);
      handoffs.handOff(t, step.handoffReason(), at);
      return;
    }
    t.awaiting = Awaiting.OUTCOME;
    t.say(question(step, t), texts.yesNo(t.language));
  }

  private String question(Step step, TurnBuilder t) {
    return step.hasOwnQuestion()
        ? texts.fill(step.question(t.language), t.language)
        : texts.get(Msg.DID_IT_WORK, t.language);
  }

  private static int indexOf(CaseSpec spec, Role role, String stepId) {
    List<Step> steps = spec.steps(role);
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(stepId)) {
        return i;
      }
    }
    throw new IllegalStateException("validated content has no step " + stepId);
  }

  /**
   * The flow to follow: the customer's when the role is unknown (only for cases identical for
   * both).
   */
  private static Role flowRole(TurnBuilder t) {
    return t.role == null ? Role.CUSTOMER : t.role;
  }

  /** How a case ends without a handoff; implemented by the dialogue, which owns closing. */
  interface Resolver {
    void resolve(TurnBuilder t);

    void end(TurnBuilder t);
  }
}
