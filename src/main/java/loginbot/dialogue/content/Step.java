package loginbot.dialogue.content;

import java.util.Map;
import loginbot.dialogue.HandoffPacket;
import loginbot.nlu.Language;

/**
 * One step of a case for one role. A {@code check} step shows its text and asks its question ("Did
 * that work?" unless overridden) with Yes / No; Yes closes as resolved and No moves on unless
 * {@code yes}/{@code no} say otherwise. A {@code handoff} step shows its text and hands over.
 *
 * @param facts recorded when the step is given
 * @param unless the step is skipped when every listed fact has this value ({@code "*"}: any value)
 */
public record Step(
    String id,
    Kind kind,
    Map<String, String> text,
    Map<String, String> question,
    Map<String, String> facts,
    Answer yes,
    Answer no,
    Map<String, String> unless,
    HandoffPacket.Reason reason) {

  /** What the step does after showing its text. */
  public enum Kind {
    CHECK,
    HANDOFF
  }

  private static final Answer RESOLVED = Answer.to("resolved");
  private static final Answer NEXT = Answer.to("next");

  public Step {
    kind = kind == null ? Kind.CHECK : kind;
    text = text == null ? Map.of() : Map.copyOf(text);
    question = question == null ? Map.of() : Map.copyOf(question);
    facts = facts == null ? Map.of() : Map.copyOf(facts);
    unless = unless == null ? Map.of() : Map.copyOf(unless);
  }

  public String text(Language language) {
    return text.get(language.code());
  }

  public boolean hasOwnQuestion() {
    return !question.isEmpty();
  }

  public String question(Language language) {
    return question.get(language.code());
  }

  public Answer onYes() {
    return yes == null ? RESOLVED : yes;
  }

  public Answer onNo() {
    return no == null ? NEXT : no;
  }

  public HandoffPacket.Reason handoffReason() {
    return reason == null ? HandoffPacket.Reason.STEPS_EXHAUSTED : reason;
  }

  /** Whether the facts collected so far make this step pointless. */
  public boolean skippedGiven(Map<String, String> known) {
    return !unless.isEmpty()
        && unless.entrySet().stream()
            .allMatch(
                e ->
                    known.containsKey(e.getKey())
                        && (e.getValue().equals("*")
                            || e.getValue().equals(known.get(e.getKey()))));
  }
}
