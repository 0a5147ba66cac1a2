package loginbot.channel.widget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import loginbot.handoff.FirstReplyTimes;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.TranscriptEntry;

/**
 * Who waits for a first human answer, in order, and how long such a wait lasted lately. Rebuilt
 * from the store at most every {@code refresh}, so that many open widgets cost one look at the
 * queue, whichever instance served the agents.
 */
public final class QueueWatch implements FirstReplyTimes {
  /** How far back recent handoffs count, and how many. */
  static final Duration HISTORY = Duration.ofDays(7);

  static final int SAMPLE = 30;

  private final ConversationStore store;
  private final Clock clock;
  private final Duration refresh;
  private Snapshot snapshot;

  /** The waiting conversations, oldest handoff first, and the expected wait in minutes. */
  private record Snapshot(Instant at, List<String> waiting, Integer waitMinutes) {}

  public QueueWatch(ConversationStore store, Clock clock, Duration refresh) {
    this.store = store;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** This conversation's place in line (1 = next), while it waits for a first human answer. */
  public Optional<Integer> position(String conversationId) {
    int index = current().waiting().indexOf(conversationId);
    return index < 0 ? Optional.empty() : Optional.of(index + 1);
  }

  /** The median first-answer time of recent handoffs, in whole minutes (at least 1). */
  public Optional<Integer> expectedWaitMinutes() {
    return Optional.ofNullable(current().waitMinutes());
  }

  private synchronized Snapshot current() {
    Instant now = clock.instant();
    if (snapshot == null || Duration.between(snapshot.at(), now).compareTo(refresh) >= 0) {
      snapshot = build(now);
    }
    return snapshot;
  }

  private Snapshot build(Instant now) {
    List<ConversationRecord> queue = new ArrayList<>(store.handoffQueue());
    queue.sort(Comparator.comparing(QueueWatch::handedOffAt));
    List<String> waiting = new ArrayList<>();
    for (ConversationRecord c : queue) {
      if (firstReply(c).isEmpty()) {
        waiting.add(c.id());
      }
    }
    return new Snapshot(now, List.copyOf(waiting), median(since(now.minus(HISTORY), SAMPLE)));
  }

  @Override
  public List<Duration> since(Instant since, int limit) {
    return store.updatedBetween(since, clock.instant().plusSeconds(1)).stream()
        .filter(c -> c.handoff().isPresent())
        .sorted(Comparator.comparing(QueueWatch::handedOffAt).reversed())
        .map(this::firstReply)
        .flatMap(Optional::stream)
        .limit(limit)
        .toList();
  }

  private Optional<Duration> firstReply(ConversationRecord c) {
    Instant handedOff = handedOffAt(c);
    return store.transcript(c.id(), 0).stream()
        .filter(e -> e.author() == TranscriptEntry.Author.AGENT && !e.at().isBefore(handedOff))
        .findFirst()
        .map(e -> Duration.between(handedOff, e.at()));
  }

  private static Instant handedOffAt(ConversationRecord c) {
    return c.handoff().map(p -> p.at()).orElse(c.updatedAt());
  }

  private static Integer median(List<Duration> waits) {
    if (waits.isEmpty()) {
      return null;
    }
    List<Duration> sorted = waits.stream().sorted().toList();
    Duration middle = sorted.get(sorted.size() / 2);
    return (int) Math.max(1, (middle.toSeconds() + 59) / 60);
  }
}
