package loginbot.channel.chatwoot;

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
import loginbot.store.StoreUnavailableException;
import loginbot.store.TranscriptEntry;
import loginbot.store.TurnLogic;
import loginbot.store.TurnResult;

/** A real store whose database can be taken away: while down, every call fails as on an outage. */
final class OutageStore implements ConversationStore {
  private final ConversationStore store;
  private volatile boolean down;

  OutageStore(ConversationStore store) {
    this.store = store;
  }

  void down(boolean down) {
    this.down = down;
  }

  private <T> T call(Supplier<T> call) {
    if (down) {
      throw new StoreUnavailableException("connection refused", null);
    }
    return call.get();
  }

  @Override
  public TurnResult runTurn(
      String conversationId, String channel, String messageId, TurnLogic logic) {
    return call(() -> store.runTurn(conversationId, channel, messageId, logic));
  }

  @Override
  public Optional<ConversationRecord> find(String conversationId) {
    return call(() -> store.find(conversationId));
  }

  @Override
  public List<TranscriptEntry> transcript(String conversationId, long afterSeq) {
    return call(() -> store.transcript(conversationId, afterSeq));
  }

  @Override
  public List<ConversationRecord> handoffQueue() {
    return call(store::handoffQueue);
  }

  @Override
  public ConversationPage queue(QueueQuery query) {
    return call(() -> store.queue(query));
  }

  @Override
  public QueueCounts queueCounts(String agent) {
    return call(() -> store.queueCounts(agent));
  }

  @Override
  public ConversationPage history(HistoryQuery query) {
    return call(() -> store.history(query));
  }

  @Override
  public List<ConversationRecord> updatedBetween(Instant from, Instant to) {
    return call(() -> store.updatedBetween(from, to));
  }

  @Override
  public List<Episode> episodes(String conversationId) {
    return call(() -> store.episodes(conversationId));
  }

  @Override
  public List<ConversationEpisode> episodesStartedBetween(Instant from, Instant to) {
    return call(() -> store.episodesStartedBetween(from, to));
  }

  @Override
  public void markSeen(String conversationId, long seq) {
    call(
        () -> {
          store.markSeen(conversationId, seq);
          return null;
        });
  }

  @Override
  public void markMailed(String conversationId, long seq) {
    call(
        () -> {
          store.markMailed(conversationId, seq);
          return null;
        });
  }

  @Override
  public boolean delete(String conversationId) {
    return call(() -> store.delete(conversationId));
  }

  @Override
  public int purgeUpdatedBefore(Instant cutoff) {
    return call(() -> store.purgeUpdatedBefore(cutoff));
  }

  @Override
  public List<OutboxItem> dueOutbox(Instant now, int limit) {
    return call(() -> store.dueOutbox(now, limit));
  }

  @Override
  public List<OutboxItem> claimDueOutbox(
      String kindPrefix, Instant now, Duration lease, int limit) {
    return call(() -> store.claimDueOutbox(kindPrefix, now, lease, limit));
  }

  @Override
  public void outboxDelivered(long itemId) {
    call(
        () -> {
          store.outboxDelivered(itemId);
          return null;
        });
  }

  @Override
  public void outboxRetryAt(long itemId, Instant notBefore, String error) {
    call(
        () -> {
          store.outboxRetryAt(itemId, notBefore, error);
          return null;
        });
  }

  @Override
  public void checkReady() {
    call(
        () -> {
          store.checkReady();
          return null;
        });
  }

  @Override
  public void close() {
    store.close();
  }
}
