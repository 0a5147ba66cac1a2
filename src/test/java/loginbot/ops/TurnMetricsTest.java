package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.channel.TurnEvent;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Status;
import loginbot.dialogue.Turn;
import loginbot.nlu.Intent;
import loginbot.nlu.Language;
import loginbot.nlu.Prediction;
import loginbot.nlu.Reading;
import loginbot.nlu.Understanding;
import org.junit.jupiter.api.Test;

class TurnMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final TurnMetrics metrics = new TurnMetrics(registry);

  private static Understanding understood(Intent intent, double confidence, Language language) {
    return new Understanding(
        Optional.of(intent),
        new Prediction(intent, confidence, Intent.GREETING, 0.01),
        Reading.of("", language));
  }

  private static Understanding notUnderstood(Language language) {
    return new Understanding(
        Optional.empty(),
        new Prediction(Intent.APP_UPDATE, 0.2, Intent.GREETING, 0.19),
        Reading.of("", language));
  }

  private static ConversationState state(Language language) {
    return ConversationState.initial(language);
  }

  private static ConversationState resolved(ConversationState s) {
    return new ConversationState(
        Status.CLOSED,
        s.role(),
        s.language(),
        "invalid_credentials",
        1,
        null,
        List.of(),
        Map.of(),
        0,
        true,
        List.of());
  }

  private static HandoffPacket packet(HandoffPacket.Reason reason) {
    return new HandoffPacket(
        reason,
        null,
        Language.FR,
        null,
        List.of(),
        Map.of(),
        null,
        List.of(),
        "summary",
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void messages_are_counted_by_channel_and_conversation_language() {
    var en = state(Language.EN);
    var fr = state(Language.FR);

    metrics.onTurn(
        new TurnEvent(
            "rest",
            "a",
            false,
            understood(Intent.GREETING, 0.9, Language.EN),
            null,
            new Turn(en, List.of()),
            1_000_000));
    metrics.onTurn(
        new TurnEvent(
            "rest",
            "a",
            false,
            understood(Intent.FORGOT_PASSWORD, 0.8, Language.EN),
            en,
            new Turn(en, List.of()),
            1_000_000));
    metrics.onTurn(
        new TurnEvent(
            "widget",
            "b",
            false,
            understood(Intent.GREETING, 0.9, Language.FR),
            null,
            new Turn(fr, List.of()),
            1_000_000));

    assertThat(count("loginbot.messages", "channel", "rest", "language", "en")).isEqualTo(2);
    assertThat(count("loginbot.messages", "channel", "widget", "language", "fr")).isEqualTo(1);
    assertThat(count("loginbot.conversations.started", "channel", "rest")).isEqualTo(1);
    assertThat(count("loginbot.intents", "intent", "greeting")).isEqualTo(2);
    assertThat(count("loginbot.intents", "intent", "forgot_password")).isEqualTo(1);
    assertThat(registry.get("loginbot.turn.duration").tag("channel", "rest").timer().count())
        .isEqualTo(2);
  }

  @Test
  void a_message_the_dialogue_missed_counts_as_not_understood() {
    var en = state(Language.EN);

    metrics.onTurn(
        new TurnEvent(
            "rest",
            "a",
            false,
            notUnderstood(Language.EN),
            en,
            new Turn(missedOnce(en), List.of()),
            1));

    assertThat(count("loginbot.not_understood", "channel", "rest")).isEqualTo(1);
    assertThat(count("loginbot.intents", "intent", "out_of_scope")).isEqualTo(1);
    assertThat(registry.get("loginbot.intent.confidence").summary().count()).isEqualTo(1);
  }

  @Test
  void a_message_the_classifier_doubted_but_the_dialogue_read_is_understood() {
    var en = state(Language.EN);

    metrics.onTurn(
        new TurnEvent(
            "rest", "a", false, notUnderstood(Language.EN), en, new Turn(en, List.of()), 1));

    assertThat(registry.find("loginbot.not_understood").counters()).isEmpty();
  }

  @Test
  void the_third_miss_that_hands_off_is_still_a_miss() {
    var en = state(Language.EN);
    var twice =
        new ConversationState(
            Status.BOT, null, Language.EN, null, 0, null, List.of(), Map.of(), 2, false, List.of());
    var handedOff =
        new Turn(en, List.of(new Action.Handoff(packet(HandoffPacket.Reason.NOT_UNDERSTOOD))));

    metrics.onTurn(
        new TurnEvent("rest", "a", false, notUnderstood(Language.EN), twice, handedOff, 1));

    assertThat(count("loginbot.not_understood", "channel", "rest")).isEqualTo(1);
    assertThat(count("loginbot.handoffs", "reason", "not_understood")).isEqualTo(1);
  }

  private static ConversationState missedOnce(ConversationState s) {
    return new ConversationState(
        s.status(),
        s.role(),
        s.language(),
        s.caseId(),
        0,
        null,
        List.of(),
        Map.of(),
        1,
        false,
        List.of());
  }

  @Test
  void handoffs_are_counted_by_reason() {
    var fr = state(Language.FR);
    var handedOff =
        new Turn(
            fr,
            List.of(
                Action.Reply.text("Un agent arrive"),
                new Action.Handoff(packet(HandoffPacket.Reason.STEPS_EXHAUSTED))));

    metrics.onTurn(
        new TurnEvent(
            "rest", "a", false, understood(Intent.DENY, 0.9, Language.FR), fr, handedOff, 1));

    assertThat(count("loginbot.handoffs", "reason", "steps_exhausted")).isEqualTo(1);
  }

  @Test
  void a_resolution_is_counted_once_when_the_state_becomes_resolved() {
    var open = state(Language.EN);
    var done = resolved(open);

    metrics.onTurn(
        new TurnEvent(
            "rest",
            "a",
            false,
            understood(Intent.AFFIRM, 0.9, Language.EN),
            open,
            new Turn(done, List.of(new Action.Close(true))),
            1));
    metrics.onTurn(
        new TurnEvent(
            "rest",
            "a",
            false,
            understood(Intent.GOODBYE, 0.9, Language.EN),
            done,
            new Turn(done, List.of()),
            1));

    assertThat(count("loginbot.resolutions", "channel", "rest")).isEqualTo(1);
    assertThat(count("loginbot.conversations.closed", "resolved", "true")).isEqualTo(1);
  }

  @Test
  void feedback_is_counted_on_the_turn_that_records_it() {
    var closed = resolved(state(Language.EN));
    var answered = withFeedback(closed, true, null);
    var rated = withFeedback(closed, true, 4);

    metrics.onTurn(
        new TurnEvent(
            "widget",
            "a",
            false,
            understood(Intent.AFFIRM, 0.9, Language.EN),
            closed,
            new Turn(answered, List.of()),
            1));
    metrics.onTurn(
        new TurnEvent(
            "widget",
            "a",
            false,
            notUnderstood(Language.EN),
            answered,
            new Turn(rated, List.of()),
            1));
    metrics.onTurn(
        new TurnEvent(
            "widget",
            "a",
            false,
            understood(Intent.GOODBYE, 0.9, Language.EN),
            rated,
            new Turn(rated, List.of()),
            1));

    assertThat(count("loginbot.feedback.helpful", "answer", "yes")).isEqualTo(1);
    assertThat(count("loginbot.feedback.ratings", "rating", "4")).isEqualTo(1);
  }

  private static ConversationState withFeedback(
      ConversationState s, Boolean helpful, Integer rating) {
    return new ConversationState(
        s.status(),
        s.role(),
        s.language(),
        s.caseId(),
        s.stepIndex(),
        s.awaiting(),
        s.steps(),
        s.facts(),
        s.notUnderstoodInRow(),
        s.resolved(),
        s.recentMessages(),
        s.stepId(),
        s.pendingCaseId(),
        helpful,
        rating,
        false);
  }

  @Test
  void a_redelivered_message_counts_only_as_a_duplicate() {
    metrics.onTurn(new TurnEvent("chatwoot", "a", true, null, null, null, 1));

    assertThat(count("loginbot.messages.duplicate", "channel", "chatwoot")).isEqualTo(1);
    assertThat(registry.find("loginbot.messages").counters()).isEmpty();
  }
}
