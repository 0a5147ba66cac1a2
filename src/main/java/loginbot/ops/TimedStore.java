package loginbot.ops;

import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import loginbot.store.ConversationEpisode;
import loginbot.store.ConversationPage;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.Episode;
import loginbot.store.HistoryQuery;
import loginbot.store.OutboxItem;
import loginbot.store.QueueCounts;
import loginbot.store.QueueQuery;
import loginbot.store.TranscriptEntry;
import loginbot.store.TurnLogic;
import loginbot.store.TurnResult;

/**
 * A store that times every operation ({@code loginbot.store.latency{op, outcome}}) and otherwise
 * only delegates. {@code runTurn} includes the turn's logic (NLU and dialogue, microseconds).
 */
public final class TimedStore implements ConversationStore {
  private final ConversationStore delegate;
  private final MeterProvider<Timer> latency;

  public TimedStore(ConversationStore delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.latency =
        Timer.builder("loginbot.store.latency")
            .description("Conversation store operations")
            .serviceLevelObjectives(LatencyBuckets.FINE)
            .withRegistry(registry);
  }

  @Override
  public TurnResult runTurn(
      String conversationId, String channel, String messageId, TurnLogic logic) {
    return timed("runTurn", () -> delegate.runTurn(conversationId, channel, messageId, logic));
  }

  @Override
  public List<Episode> episodes(String conversationId) {
    return timed("episodes", () -> delegate.episodes(conversationId));
  }

  @Override
  public List<ConversationEpisode> episodesStartedBetween(Instant from, Instant to) {
    return timed("episodesStartedBetween", () -> delegate.episodesStartedBetween(from, to));
  }

  @Override
  public void markSeen(String conversationId, long seq) {
    timed(
        "markSeen",
        () -> {
          delegate.markSeen(conversationId, seq);
          return null;
        });
  }

  @Override
  public void markMailed(String conversationId, long seq) {
    timed(
        "markMailed",
        () -> {
          delegate.markMailed(conversationId, seq);
          return null;
        });
  }

  @Override
  public Optional<ConversationRecord> find(String conversationId) {
    return timed("find", () -> delegate.find(conversationId));
  }

  @Override
  public List<TranscriptEntry> transcript(String conversationId, long afterSeq) {
    return timed("transcript", () -> delegate.transcript(conversationId, afterSeq));
  }

  @Override
  public List<ConversationRecord> handoffQueue() {
    return timed("handoffQueue", delegate::handoffQueue);
  }

  @Override
  public ConversationPage queue(QueueQuery query) {
    return timed("queue", () -> delegate.queue(query));
  }

  @Override
  public QueueCounts queueCounts(String agent) {
    return timed("queueCounts", () -> delegate.queueCounts(agent));
  }

  @Override
  public ConversationPage history(HistoryQuery query) {
    return timed("history", () -> delegate.history(query));
  }

  @Override
  public List<ConversationRecord> updatedBetween(Instant from, Instant to) {
    return timed("updatedBetween", () -> delegate.updatedBetween(from, to));
  }

  @Override
  public boolean delete(String conversationId) {
    return timed("delete", () -> delegate.delete(conversationId));
  }

  @Override
  public int purgeUpdatedBefore(Instant cutoff) {
    return timed("purge", () -> delegate.purgeUpdatedBefore(cutoff));
  }

  @Override
  public List<OutboxItem> dueOutbox(Instant now, int limit) {
    return timed("dueOutbox", () -> delegate.dueOutbox(now, limit));
  }

  @Override
  public List<OutboxItem> claimDueOutbox(
      String kindPrefix, Instant now, Duration lease, int limit) {
    return timed("claimDueOutbox", () -> delegate.claimDueOutbox(kindPrefix, now, lease, limit));
  }

  @Override
  public void outboxDelivered(long itemId) {
    timed(
        "outboxDelivered",
        () -> {
          delegate.outboxDelivered(itemId);
          return null;
        });
  }

  @Override
  public void outboxRetryAt(long itemId, Instant notBefore, String error) {
    timed(
        "outboxRetryAt",
        () -> {
          delegate.outboxRetryAt(itemId, notBefore, error);
          return null;
        });
  }

  @Override
  public void checkReady() {
    delegate.checkReady();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> T timed(String op, Supplier<T> call) {
    long started = System.nanoTime();
    String outcome = "error";
    try {
      T result = call.get();
      outcome = "ok";
      return result;
    } finally {
      latency
          .withTags("op", op, "outcome", outcome)
          .record(Duration.ofNanos(System.nanoTime() - started));
    }
  }
}
