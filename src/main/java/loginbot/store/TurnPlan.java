package loginbot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one turn writes, decided before a row is touched: the conversation as the turn leaves it,
 * the lines it appends (numbered), and the statements that store them, their JSON already written.
 * Pure; shared by both databases so they store the same rows.
 *
 * @param processed records the message id; null for a message without one
 * @param conversation inserts the conversation, or updates it if it is still as it was read
 */
record TurnPlan(
    ConversationRecord next,
    List<TranscriptEntry> appended,
    Sql conversation,
    Sql processed,
    List<Sql> others,
    TurnWrite write) {

  static TurnPlan of(
      Rows rows,
      OutboxTable outbox,
      String id,
      String channel,
      String messageId,
      Optional<ConversationRecord> current,
      TurnWrite write,
      Instant at) {
    Instant now = Dialect.stored(at);
    long seq = current.map(ConversationRecord::lastSeq).orElse(0L);
    Episodes.Advance advance =
        Episodes.advance(current.map(ConversationRecord::episode), write, now, seq + 1);
    List<TranscriptEntry> appended = new ArrayList<>();
    for (TranscriptEntry.Draft draft : write.transcript()) {
      TranscriptEntry entry = draft.withSeq(++seq);
      appended.add(
          new TranscriptEntry(
              entry.seq(),
              Dialect.stored(entry.at()),
              entry.author(),
              entry.name(),
              entry.text(),
              entry.buttons(),
              entry.intent(),
              entry.confidence(),
              entry.understood()));
    }
    ConversationRecord next =
        new ConversationRecord(
            id,
            current.map(ConversationRecord::channel).orElse(channel),
            write.next(),
            Optional.ofNullable(advance.current().handoff()),
            current.map(ConversationRecord::createdAt).orElse(now),
            now,
            advance.current(),
            InMemoryStore.reader(current, write),
            seq);
    List<Sql> others = new ArrayList<>();
    if (advance.ended().isPresent()) {
      others.add(rows.updateEpisode(id, advance.ended().get()));
    }
    if (current.isEmpty() || advance.ended().isPresent()) {
      others.add(rows.insertEpisode(id, advance.current()));
    } else if (!advance.current().equals(current.get().episode())) {
      others.add(rows.updateEpisode(id, advance.current()));
    }
    if (!appended.isEmpty()) {
      others.add(rows.insertTranscript(id, appended));
    }
    if (!write.outbox().isEmpty()) {
      others.add(outbox.insert(id, write.outbox(), now));
    }
    return new TurnPlan(
        next,
        List.copyOf(appended),
        current.isEmpty()
            ? rows.insertConversation(next)
            : rows.updateConversation(next, current.get().lastSeq()),
        messageId == null ? null : rows.insertProcessed(id, messageId, write.replies(), now),
        List.copyOf(others),
        write);
  }

  /** Every statement, in an order the foreign keys accept (the conversation row first). */
  List<Sql> all() {
    List<Sql> all = new ArrayList<>();
    all.add(conversation);
    if (processed != null) {
      all.add(processed);
    }
    all.addAll(others);
    return all;
  }

  TurnResult result() {
    return new TurnResult(false, next, write.replies(), appended, write.note());
  }
}
