package loginbot.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import loginbot.dialogue.Action;

/**
 * Turns on the embedded store, which one process owns. A conversation's turns are ordered by a lock
 * in the JVM, and the record each turn commits stays in memory, so the next turn neither reads nor
 * parses the row. The turn's logic and its JSON run under that lock only; the writer section (one
 * at a time, see {@link GroupCommit}) runs nothing but the statements, in one transaction per
 * batch: one store round trip per turn. The update is conditional on the row being as it was read,
 * so a record that went stale (a purge) costs a retry, never a lost update.
 */
final class EmbeddedTurns {
  /** Locks shared by conversations whose ids hash alike: enough that a collision is rare. */
  private static final int STRIPES = 4096;

  /** Live conversations kept in memory; older ones are read again when they come back. */
  static final int CACHED_CONVERSATIONS = 10_000;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final Cache<String, ConversationRecord> records =
      Caffeine.newBuilder()
          .maximumSize(CACHED_CONVERSATIONS)
          .expireAfterAccess(Duration.ofMinutes(30))
          .build();
  private final Transactions tx;
  private final Rows rows;
  private final OutboxTable outbox;
  private final Clock clock;
  private final ProcessedIds processed;

  EmbeddedTurns(
      Transactions tx, Rows rows, OutboxTable outbox, Clock clock, ProcessedIds processed) {
    this.tx = tx;
    this.rows = rows;
    this.outbox = outbox;
    this.clock = clock;
    this.processed = processed;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  TurnResult run(String id, String channel, String messageId, TurnLogic unprepared) {
    TurnLogic logic = unprepared.prepared();
    return locked(
        id,
        () -> {
          if (messageId != null) {
            Optional<List<Action.Reply>> first = processed.get(id, messageId);
            if (first.isPresent()) {
              Optional<ConversationRecord> current = current(id);
              if (current.isPresent()) {
                return new TurnResult(true, current.get(), first.get(), List.of());
              }
              processed.forget(id, messageId);
            }
          }
          for (int attempt = 1; ; attempt++) {
            Optional<ConversationRecord> current = current(id);
            TurnPlan plan =
                TurnPlan.of(
                    rows,
                    outbox,
                    id,
                    channel,
                    messageId,
                    current,
                    logic.apply(current),
                    clock.instant());
            try {
              tx.writeStatements(null, "running a turn", s -> write(s, plan, id, messageId));
            } catch (AlreadyProcessed e) {
              processed.put(id, messageId, e.replies);
              return new TurnResult(true, current.orElse(null), e.replies, List.of());
            } catch (MovedOn e) {
              records.invalidate(id);
              if (attempt > 1) {
                throw new IllegalStateException(
                    "conversation " + id + " changed twice while its turn ran", e);
              }
              continue;
            }
            records.put(id, plan.next());
            if (messageId != null) {
              processed.put(id, messageId, plan.write().replies());
            }
            return plan.result();
          }
        });
  }

  /**
   * Writes the plan. Throws (and the batch rolls this turn back alone) when the row is not as it
   * was read, or when the message was processed already, before this process started.
   */
  private Void write(Statements s, TurnPlan plan, String id, String messageId) throws SQLException {
    if (s.execute(plan.conversation()) != 1) {
      throw new MovedOn();
    }
    if (plan.processed() != null && s.execute(plan.processed()) == 0) {
      throw new AlreadyProcessed(
          rows.processedReplies(s.connection(), id, messageId).orElseThrow());
    }
    for (Sql other : plan.others()) {
      s.execute(other);
    }
    return null;
  }

  /** The conversation as its last turn left it: from memory, else read (under its lock). */
  private Optional<ConversationRecord> current(String id) {
    ConversationRecord cached = records.getIfPresent(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ConversationRecord> read =
        tx.read("reading a conversation", c -> rows.findConversation(c, id));
    read.ifPresent(r -> records.put(id, r));
    return read;
  }

  /** The record the last turn committed, if it is in memory; never a read. */
  Optional<ConversationRecord> cached(String id) {
    return Optional.ofNullable(records.getIfPresent(id));
  }

  /** Runs {@code work} holding the conversation's lock: no turn of it runs meanwhile. */
  <T> T locked(String id, Supplier<T> work) {
    ReentrantLock lock = stripes[Math.floorMod(id.hashCode(), STRIPES)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** After a write outside a turn (under {@link #locked}): the kept record follows it. */
  void changed(String id, UnaryOperator<ConversationRecord> change) {
    records.asMap().computeIfPresent(id, (k, r) -> change.apply(r));
  }

  void forget(String id) {
    records.invalidate(id);
  }

  void forgetAll() {
    records.invalidateAll();
  }

  /** The message id is in the database already, with the replies of its first delivery. */
  private static final class AlreadyProcessed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Action.Reply> replies;

    AlreadyProcessed(List<Action.Reply> replies) {
      super("the message was processed already", null, false, false);
      this.replies = replies;
    }
  }

  /** The row is not as the kept record says (deleted by a purge): read it again and redo. */
  private static final class MovedOn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MovedOn() {
      super("the conversation changed since it was read", null, false, false);
    }
  }
}
