package loginbot.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import loginbot.store.ConversationPage;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.HistoryQuery;
import loginbot.store.OutboxItem;
import loginbot.store.QueueCounts;
import loginbot.store.QueueQuery;
import loginbot.store.StoreUnavailableException;
import loginbot.store.TranscriptEntry;
import loginbot.store.TurnLogic;
import loginbot.store.TurnResult;

/** A store whose database is gone: every call fails as a real store does when it cannot connect. */
final class DownStore implements ConversationStore {

  private static StoreUnavailableException down() {
    return new StoreUnavailableException("connection refused", null);
  }

  @Override
  public TurnResult runTurn(
      String conversationId, String channel, String messageId, TurnLogic logic) {
    throw down();
  }

  @Override
  public Optional<ConversationRecord> find(String conversationId) {
    throw down();
  }

  @Override
  public List<TranscriptEntry> transcript(String conversationId, long afterSeq) {
    throw down();
  }

  @Override
  public List<ConversationRecord> handoffQueue() {
    throw down();
  }

  @Override
  public ConversationPage queue(QueueQuery query) {
    throw down();
  }

  @Override
  public QueueCounts queueCounts(String agent) {
    throw down();
  }

  @Override
  public ConversationPage history(HistoryQuery query) {
    throw down();
  }

  @Override
  public List<ConversationRecord> updatedBetween(Instant from, Instant to) {
    throw down();
  }

  @Override
  public List<loginbot.store.Episode> episodes(String conversationId) {
    throw down();
  }

  @Override
  public List<loginbot.store.ConversationEpisode> episodesStartedBetween(Instant from, Instant to) {
    throw down();
  }

  @Override
  public void markSeen(String conversationId, long seq) {
    throw down();
  }

  @Override
  public void markMailed(String conversationId, long seq) {
    throw down();
  }

  @Override
  public boolean delete(String conversationId) {
    throw down();
  }

  @Override
  public int purgeUpdatedBefore(Instant cutoff) {
    throw down();
  }

  @Override
  public List<OutboxItem> claimDueOutbox(
      String kindPrefix, Instant now, Duration lease, int limit) {
    throw down();
  }

  @Override
  public List<OutboxItem> dueOutbox(Instant now, int limit) {
    throw down();
  }

  @Override
  public void outboxDelivered(long itemId) {
    throw down();
  }

  @Override
  public void outboxRetryAt(long itemId, Instant notBefore, String error) {
    throw down();
  }

  @Override
  public void checkReady() {
    throw down();
  }

  @Override
  public void close() {}
}
