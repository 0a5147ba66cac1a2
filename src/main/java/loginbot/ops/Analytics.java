package loginbot.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import loginbot.ops.AnalyticsReport.NotUnderstood;
import loginbot.store.ConversationEpisode;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;

/**
 * Product analytics over the stored conversations: chats are the episodes started in the period (a
 * conversation a user came back to counts once per episode), each judged by its own record,
 * overall, per day and per agent; messages not understood are the user lines sent in the period.
 */
public final class Analytics {
  /** Longest period one request may cover, so a report stays a bounded amount of work. */
  public static final Duration MAX_PERIOD = Duration.ofDays(400);

  /** Distinct not-understood messages listed in the JSON report (the TSV export has them all). */
  static final int LISTED_NOT_UNDERSTOOD = 200;

  private final ConversationStore store;
  private final Clock clock;

  public Analytics(ConversationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public AnalyticsReport report(Instant from, Instant to) {
    Period period = load(from, to);
    Breakdown breakdown = new Breakdown(from, to);
    for (ConversationEpisode e : store.episodesStartedBetween(from, to)) {
      breakdown.add(e);
    }
    ChatTally counts = breakdown.overall;
    List<NotUnderstood> notUnderstood = notUnderstood(period);
    int notUnderstoodMessages = notUnderstood.stream().mapToInt(NotUnderstood::count).sum();
    return new AnalyticsReport(
        from,
        to,
        counts.chats,
        sorted(counts.channels),
        sorted(counts.languages),
        counts.resolved,
        rate(counts.resolved, counts.chats),
        counts.handedOff,
        rate(counts.handedOff, counts.chats),
        sorted(counts.reasons),
        counts.chats - counts.resolved - counts.handedOff,
        sorted(counts.outcomes),
        sorted(counts.cases),
        counts.satisfaction(),
        counts.firstHumanReply(),
        counts.handlingTime(),
        breakdown.agents(),
        breakdown.days(),
        period.userMessages(),
        notUnderstoodMessages,
        notUnderstood.subList(0, Math.min(LISTED_NOT_UNDERSTOOD, notUnderstood.size())));
  }

  /** Every distinct message not understood in the period, most frequent first. */
  public List<NotUnderstood> notUnderstood(Instant from, Instant to) {
    return notUnderstood(load(from, to));
  }

  /** One conversation with its transcript. */
  private record Conversation(ConversationRecord record, List<TranscriptEntry> transcript) {}

  /** The conversations with lines in the period. */
  private record Period(Instant from, Instant to, List<Conversation> touched) {

    int userMessages() {
      int n = 0;
      for (Conversation c : touched) {
        for (TranscriptEntry e : c.transcript()) {
          if (e.author() == Author.USER && within(e.at())) {
            n++;
          }
        }
      }
      return n;
    }

    boolean within(Instant at) {
      return !at.isBefore(from) && at.isBefore(to);
    }
  }

  private Period load(Instant from, Instant to) {
    validate(from, to);
    // A conversation with a line in the period was updated at or after `from`; later is fine too.
    Instant now = clock.instant();
    Instant upper = (to.isAfter(now) ? to : now).plusSeconds(60);
    List<Conversation> touched = new ArrayList<>();
    for (ConversationRecord record : store.updatedBetween(from, upper)) {
      if (!record.createdAt().isBefore(to)) {
        continue;
      }
      touched.add(new Conversation(record, store.transcript(record.id(), 0)));
    }
    return new Period(from, to, touched);
  }

  static void validate(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("'from' must be before 'to'");
    }
    if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
      throw new IllegalArgumentException(
          "a period may cover at most " + MAX_PERIOD.toDays() + " days");
    }
  }

  private static List<NotUnderstood> notUnderstood(Period period) {
    Map<String, Group> groups = new HashMap<>();
    for (Conversation c : period.touched()) {
      for (TranscriptEntry e : c.transcript()) {
        if (e.author() != Author.USER
            || e.understood()
            || !period.within(e.at())
            || isButtonPayload(e.text())) {
          continue;
        }
        groups
            .computeIfAbsent(normalise(e.text()), k -> new Group(e.text()))
            .add(c.record().id(), e.at());
      }
    }
    return groups.values().stream()
        .map(g -> new NotUnderstood(g.text, g.count, g.conversations.size(), g.lastSeen))
        .sorted(
            Comparator.comparingInt(NotUnderstood::count)
                .reversed()
                .thenComparing(NotUnderstood::lastSeen, Comparator.reverseOrder())
                .thenComparing(NotUnderstood::text))
        .toList();
  }

  /**
   * Same message for labelling purposes: case, spacing and surrounding punctuation do not matter.
   */
  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .replaceAll("^[\\s\\p{Punct}]+|[\\s\\p{Punct}]+$", "");
  }

  /**
   * Buttons send payloads such as {@code /yes} or {@code /case account_disabled}: not words to
   * label.
   */
  static boolean isButtonPayload(String text) {
    return text.strip().matches("/[a-z_]+( [a-z0-9_]+)?");
  }

  static Double rate(int part, int whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  /** Largest first, then by name, so the JSON reads as a ranking. */
  private static Map<String, Integer> sorted(Map<String, Integer> counts) {
    Map<String, Integer> result = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  private static final class Group {
    final String text;
    final Set<String> conversations = new HashSet<>();
    int count;
    Instant lastSeen = Instant.MIN;

    Group(String text) {
      this.text = text;
    }

    void add(String conversationId, Instant at) {
      count++;
      conversations.add(conversationId);
      if (at.isAfter(lastSeen)) {
        lastSeen = at;
      }
    }
  }
}
