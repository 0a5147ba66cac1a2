package loginbot.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import loginbot.dialogue.ConversationState.Awaiting;
import loginbot.nlu.Language;

/**
 * The working copy of one turn: the state being changed and the actions decided so far. Lives only
 * inside {@link Dialogue#next}, which stays a pure function of its arguments.
 */
final class TurnBuilder {
  static final int RECENT_MESSAGES = 10;
  static final int BOT_LINE_CHARS = 160;

  Status status;
  Role role;
  Language language;
  String caseId;
  int stepIndex;
  String stepId;
  String pendingCaseId;
  Awaiting awaiting;
  final List<HandoffPacket.StepTried> steps;
  final Map<String, String> facts;
  int notUnderstoodInRow;
  boolean resolved;
  final List<String> recentMessages;
  Boolean helpful;
  Integer rating;
  boolean askedAboutPassword;
  final Set<String> statedFacts;
  private final List<Action> actions = new ArrayList<>();
  private final int previousMisses;
  private int stepsEntered;

  TurnBuilder(ConversationState s) {
    status = s.status();
    role = s.role();
    language = s.language() == null ? Language.EN : s.language();
    caseId = s.caseId();
    stepIndex = s.stepIndex();
    stepId = s.stepId();
    pendingCaseId = s.pendingCaseId();
    awaiting = s.awaiting();
    steps = new ArrayList<>(s.steps());
    facts = new LinkedHashMap<>(s.facts());
    // Any turn that is understood resets the count; a miss sets it from previousMisses().
    previousMisses = s.notUnderstoodInRow();
    notUnderstoodInRow = 0;
    resolved = s.resolved();
    recentMessages = new ArrayList<>(s.recentMessages());
    helpful = s.helpful();
    rating = s.rating();
    askedAboutPassword = false;
    statedFacts = new LinkedHashSet<>(s.statedFacts());
  }

  /** Forgets the previous conversation but keeps who the user is and their language. */
  void restart() {
    status = Status.BOT;
    caseId = null;
    stepIndex = 0;
    stepId = null;
    pendingCaseId = null;
    awaiting = Awaiting.NOTHING;
    steps.clear();
    facts.clear();
    notUnderstoodInRow = 0;
    resolved = false;
    recentMessages.clear();
    helpful = null;
    rating = null;
    statedFacts.clear();
  }

  void say(String text, List<Button> buttons) {
    actions.add(new Action.Reply(text, buttons));
    String lower = text.toLowerCase(Locale.ROOT);
    askedAboutPassword |= lower.contains("password") || lower.contains("mot de passe");
    remember(
        "bot: "
            + (text.length() > BOT_LINE_CHARS ? text.substring(0, BOT_LINE_CHARS) + "…" : text));
  }

  void say(String text) {
    say(text, List.of());
  }

  void heard(String maskedText) {
    remember("user: " + maskedText);
  }

  void act(Action action) {
    actions.add(action);
  }

  /** Consecutive misses before this turn. */
  int previousMisses() {
    return previousMisses;
  }

  /** Counts a step entered (given or skipped); false once the per-turn cap is reached. */
  boolean enterStep(int cap) {
    return ++stepsEntered <= cap;
  }

  /** Records the user's answer to the step given last. */
  void outcome(String outcome) {
    if (!steps.isEmpty()) {
      HandoffPacket.StepTried last = steps.get(steps.size() - 1);
      if (last.outcome().equals(Outcomes.GIVEN)) {
        steps.set(steps.size() - 1, new HandoffPacket.StepTried(last.step(), outcome));
      }
    }
  }

  /** Whether the user stated, in words, one of the facts that make {@code step} moot. */
  boolean statedAny(java.util.Collection<String> factKeys) {
    return factKeys.stream().anyMatch(statedFacts::contains);
  }

  boolean alreadyGiven(String step) {
    return steps.stream().anyMatch(s -> s.step().endsWith("/" + step));
  }

  ConversationState state() {
    return new ConversationState(
        status,
        role,
        language,
        caseId,
        stepIndex,
        awaiting,
        steps,
        facts,
        notUnderstoodInRow,
        resolved,
        recentMessages,
        stepId,
        pendingCaseId,
        helpful,
        rating,
        askedAboutPassword,
        List.copyOf(statedFacts));
  }

  Turn turn() {
    return new Turn(state(), actions);
  }

  private void remember(String line) {
    recentMessages.add(line);
    while (recentMessages.size() > RECENT_MESSAGES) {
      recentMessages.remove(0);
    }
  }

  /** The outcomes recorded for a step in the handoff packet. */
  static final class Outcomes {
    static final String GIVEN = "given";
    static final String WORKED = "worked";
    static final String DID_NOT_WORK = "did not work";
    static final String ANSWERED_YES = "answered yes";
    static final String ANSWERED_NO = "answered no";
    static final String LEFT = "left for another problem";
    static final String NO_ANSWER = "no answer";
    static final String ANSWERED_IN_TEXT = "answered in a message";
    static final String STATED = "stated by the user";
    static final String HANDED_OFF = "handed off";

    private Outcomes() {}
  }
}
