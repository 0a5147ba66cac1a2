package loginbot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import loginbot.channel.TurnEvent;
import loginbot.channel.TurnObserver;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.nlu.Understanding;

/** Counts what users say and what the bot does with it, per turn, as Prometheus meters. */
public final class TurnMetrics implements TurnObserver {
  private final MeterProvider<Counter> messages;
  private final MeterProvider<Counter> duplicates;
  private final MeterProvider<Counter> started;
  private final MeterProvider<Counter> intents;
  private final MeterProvider<Counter> notUnderstood;
  private final DistributionSummary confidence;
  private final MeterProvider<Counter> handoffs;
  private final MeterProvider<Counter> resolutions;
  private final MeterProvider<Counter> closes;
  private final MeterProvider<Counter> helpful;
  private final MeterProvider<Counter> ratings;
  private final MeterProvider<Timer> duration;

  public TurnMetrics(MeterRegistry registry) {
    messages =
        Counter.builder("loginbot.messages")
            .description("User messages processed")
            .withRegistry(registry);
    duplicates =
        Counter.builder("loginbot.messages.duplicate")
            .description("Redelivered messages answered from the first delivery")
            .withRegistry(registry);
    started = Counter.builder("loginbot.conversations.started").withRegistry(registry);
    intents =
        Counter.builder("loginbot.intents")
            .description("The classifier's accepted intent (out_of_scope when below its threshold)")
            .withRegistry(registry);
    notUnderstood =
        Counter.builder("loginbot.not_understood")
            .description("Messages the dialogue could not act on")
            .withRegistry(registry);
    confidence =
        DistributionSummary.builder("loginbot.intent.confidence")
            .description("Classifier confidence of the top intent")
            .serviceLevelObjectives(0.25, 0.5, 0.75, 0.9)
            .register(registry);
    handoffs =
        Counter.builder("loginbot.handoffs")
            .description("Handoffs to a human, by reason")
            .withRegistry(registry);
    resolutions =
        Counter.builder("loginbot.resolutions")
            .description("Conversations the bot resolved (the user confirmed a step worked)")
            .withRegistry(registry);
    closes = Counter.builder("loginbot.conversations.closed").withRegistry(registry);
    helpful =
        Counter.builder("loginbot.feedback.helpful")
            .description("Answers to \"Was this helpful?\" (answer=yes|no)")
            .withRegistry(registry);
    ratings =
        Counter.builder("loginbot.feedback.ratings")
            .description("Satisfaction ratings given at close, by stars (1-5)")
            .withRegistry(registry);
    duration =
        Timer.builder("loginbot.turn.duration")
            .description("Whole turn: NLU, dialogue and store")
            .serviceLevelObjectives(LatencyBuckets.FINE)
            .withRegistry(registry);
  }

  @Override
  public void onTurn(TurnEvent event) {
    String channel = event.channel();
    if (event.duplicate()) {
      duplicates.withTag("channel", channel).increment();
      return;
    }
    duration.withTag("channel", channel).record(event.nanos(), TimeUnit.NANOSECONDS);
    Understanding understanding = event.understanding();
    ConversationState after = event.turn() == null ? event.before() : event.turn().next();
    String language =
        after != null && after.language() != null
            ? after.language().code()
            : understanding != null ? understanding.language().code() : "unknown";
    messages.withTags("channel", channel, "language", language).increment();
    if (event.before() == null) {
      started.withTag("channel", channel).increment();
    }
    if (understanding != null) {
      intents.withTag("intent", understanding.effectiveIntent().label()).increment();
      confidence.record(understanding.prediction().confidence());
    }
    if (event.notUnderstood()) {
      notUnderstood.withTag("channel", channel).increment();
    }
    if (event.turn() == null) {
      return;
    }
    for (Action action : event.turn().actions()) {
      if (action instanceof Action.Handoff handoff) {
        handoffs
            .withTag("reason", handoff.packet().reason().name().toLowerCase(Locale.ROOT))
            .increment();
      } else if (action instanceof Action.Close close) {
        closes.withTag("resolved", Boolean.toString(close.resolved())).increment();
      }
    }
    boolean wasResolved = event.before() != null && event.before().resolved();
    if (!wasResolved && after != null && after.resolved()) {
      resolutions.withTag("channel", channel).increment();
    }
    if (after != null) {
      feedback(event.before(), after);
    }
  }

  /** Counts an answer or a rating when this turn is the one that recorded it. */
  private void feedback(ConversationState before, ConversationState after) {
    if (after.helpful() != null && (before == null || !after.helpful().equals(before.helpful()))) {
      helpful.withTag("answer", after.helpful() ? "yes" : "no").increment();
    }
    if (after.rating() != null && (before == null || !after.rating().equals(before.rating()))) {
      ratings.withTag("rating", Integer.toString(after.rating())).increment();
    }
  }
}
