package loginbot.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import loginbot.ops.AnalyticsReport.FirstHumanReply;
import loginbot.ops.AnalyticsReport.HandlingTime;
import loginbot.ops.AnalyticsReport.Satisfaction;
import loginbot.store.ConversationEpisode;
import loginbot.store.Episode;

/**
 * Tallies over the episodes that started in a period: outcome, handoff reason, case, feedback, how
 * long users waited for a person, and how long a person had the chat.
 */
final class ChatTally {
  /** The outcome of an episode the bot is still on. */
  static final String OPEN = "open";

  int chats;
  int resolved;
  int handedOff;
  final Map<String, Integer> channels = new HashMap<>();
  final Map<String, Integer> languages = new HashMap<>();
  final Map<String, Integer> reasons = new HashMap<>();
  final Map<String, Integer> outcomes = new HashMap<>();
  final Map<String, Integer> cases = new HashMap<>();
  int helpfulAnswers;
  int helpfulYes;
  final Map<String, Integer> ratings = new TreeMap<>();
  private final List<Long> waits = new ArrayList<>();
  private final List<Long> handling = new ArrayList<>();

  void add(ConversationEpisode found) {
    Episode e = found.episode();
    chats++;
    channels.merge(found.channel(), 1, Integer::sum);
    languages.merge(e.language() == null ? "unknown" : e.language().code(), 1, Integer::sum);
    outcomes.merge(e.outcome() == null ? OPEN : e.outcome().code(), 1, Integer::sum);
    if (e.caseId() != null) {
      cases.merge(e.caseId(), 1, Integer::sum);
    }
    if (e.helpful() != null) {
      helpfulAnswers++;
      helpfulYes += e.helpful() ? 1 : 0;
    }
    if (e.rating() != null && e.rating() >= 1 && e.rating() <= 5) {
      ratings.merge(Integer.toString(e.rating()), 1, Integer::sum);
    }
    String reason = handoffReason(e);
    if (reason != null) {
      handedOff++;
      reasons.merge(reason, 1, Integer::sum);
    } else if (e.outcome() == Episode.Outcome.RESOLVED) {
      resolved++;
    }
    if (e.handoff() != null && e.firstHumanReplyAt() != null) {
      waits.add(Duration.between(e.handoff().at(), e.firstHumanReplyAt()).toSeconds());
    }
    Instant withPerson = e.handoff() != null ? e.handoff().at() : e.firstHumanReplyAt();
    if (e.outcome() == Episode.Outcome.CLOSED_BY_AGENT
        && withPerson != null
        && e.endedAt() != null) {
      handling.add(Duration.between(withPerson, e.endedAt()).toSeconds());
    }
  }

  /** Dividing by the chats of this tally. */
  Double rate(int part) {
    return Analytics.rate(part, chats);
  }

  Satisfaction satisfaction() {
    int rated = ratings.values().stream().mapToInt(Integer::intValue).sum();
    int stars =
        ratings.entrySet().stream()
            .mapToInt(e -> Integer.parseInt(e.getKey()) * e.getValue())
            .sum();
    return new Satisfaction(
        helpfulAnswers,
        helpfulYes,
        Analytics.rate(helpfulYes, helpfulAnswers),
        rated,
        rated == 0 ? null : (double) stars / rated,
        Map.copyOf(ratings));
  }

  FirstHumanReply firstHumanReply() {
    return new FirstHumanReply(waits.size(), median(waits));
  }

  HandlingTime handlingTime() {
    return new HandlingTime(handling.size(), median(handling));
  }

  private static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1
        ? (double) sorted.get(n / 2)
        : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  /**
   * Why a human got involved, or null when none did. An episode kept from before episodes existed
   * may show a human without its packet (a hand-back used to drop it): its reason is unknown.
   */
  private static String handoffReason(Episode e) {
    if (e.handoff() != null) {
      return e.handoff().reason().name().toLowerCase(Locale.ROOT);
    }
    boolean humanInvolved =
        e.outcome() == Episode.Outcome.HANDED_OFF || e.firstHumanReplyAt() != null;
    return humanInvolved ? "unknown" : null;
  }
}
