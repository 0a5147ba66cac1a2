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
 * @param stepIndex index of the step last given within the case's flow for the role
 * @param awaiting what the bot's last message asked for
 * @param steps steps given so far ({@code case/step}) with their outcomes
 * @param facts what the user told us (error seen, identifier, reset e-mail received, ...)
 * @param notUnderstoodInRow consecutive messages the bot did not understand
 * @param resolved the user confirmed that a step of the bot fixed the problem
 * @param recentMessages the last few messages (masked, "user: ..." / "bot: ..."), for the handoff
 *     packet
 * @param stepId id of the step last given, null when none
 * @param pendingCaseId the case to start once the role question is answered
 * @param helpful the answer to "Was this helpful?", null if not answered
 * @param rating the 1–5 satisfaction rating, null if not given
 * @param askedAboutPassword the bot's last message was about a password, so a lone password-like
 *     token in the next message is masked
 * @param statedFacts keys of {@code facts} the user stated in words ("her access is not revoked"),
 *     so a step they make moot is recorded as stated by the user, not as tried
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
    List<String> recentMessages,
    String stepId,
    String pendingCaseId,
    Boolean helpful,
    Integer rating,
    boolean askedAboutPassword,
    List<String> statedFacts) {

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
    status = status == null ? Status.BOT : status;
    awaiting = awaiting == null ? Awaiting.NOTHING : awaiting;
    steps = steps == null ? List.of() : List.copyOf(steps);
    facts = facts == null ? Map.of() : Map.copyOf(facts);
    recentMessages = recentMessages == null ? List.of() : List.copyOf(recentMessages);
    statedFacts = statedFacts == null ? List.of() : List.copyOf(statedFacts);
  }

  /** The shape before stated facts were kept (none stated). */
  public ConversationState(
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
      List<String> recentMessages,
      String stepId,
      String pendingCaseId,
      Boolean helpful,
      Integer rating,
      boolean askedAboutPassword) {
    this(
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
        List.of());
  }

  /** The original shape, kept so that code written against it still compiles. */
  public ConversationState(
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
    this(
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
        null,
        null,
        null,
        null,
        false);
  }

  /** This state with a 1–5 satisfaction rating given outside the dialogue (a platform's survey). */
  public ConversationState withRating(int stars) {
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
        stars,
        askedAboutPassword,
        statedFacts);
  }

  public static ConversationState initial(Language language) {
    return new ConversationState(
        Status.BOT,
        null,
        language,
        null,
        0,
        Awaiting.NOTHING,
        List.of(),
        Map.of(),
        0,
        false,
        List.of());
  }
}
