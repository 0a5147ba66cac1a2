package loginbot.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.Status;
import loginbot.ops.AnalyticsReport.Satisfaction;
import loginbot.store.ConversationRecord;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;

/** Tallies over the chats that started in a period: outcome, handoff reason, case, feedback. */
final class ChatTally {
  int chats;
  int resolved;
  int handedOff;
  final Map<String, Integer> channels = new HashMap<>();
  final Map<String, Integer> languages = new HashMap<>();
  final Map<String, Integer> reasons = new HashMap<>();
  final Map<String, Integer> cases = new HashMap<>();
  int helpfulAnswers;
  int helpfulYes;
  final Map<String, Integer> ratings = new TreeMap<>();

  void add(ConversationRecord record, List<TranscriptEntry> transcript) {
    ConversationState state = record.state();
    chats++;
    channels.merge(record.channel(), 1, Integer::sum);
    languages.merge(
        state.language() == null ? "unknown" : state.language().code(), 1, Integer::sum);
    if (state.caseId() != null) {
      cases.merge(state.caseId(), 1, Integer::sum);
    }
    if (state.helpful() != null) {
      helpfulAnswers++;
      helpfulYes += state.helpful() ? 1 : 0;
    }
    if (state.rating() != null && state.rating() >= 1 && state.rating() <= 5) {
      ratings.merge(Integer.toString(state.rating()), 1, Integer::sum);
    }
    String reason = handoffReason(record, transcript);
    if (reason != null) {
      handedOff++;
      reasons.merge(reason, 1, Integer::sum);
    } else if (state.resolved()) {
      resolved++;
    }
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

  /** Why a human got involved, or null when none did. */
  private static String handoffReason(ConversationRecord record, List<TranscriptEntry> transcript) {
    var packet = record.handoff();
    if (packet.isPresent()) {
      return packet.get().reason().name().toLowerCase(Locale.ROOT);
    }
    // Handed back to the bot: the packet is gone, but an agent's lines remain.
    boolean humanInvolved =
        record.state().status() == Status.HANDOFF
            || transcript.stream()
                .anyMatch(
                    e ->
                        e.author() == Author.AGENT
                            || e.author() == Author.SYSTEM
                                && e.text().endsWith("handed back to the bot"));
    return humanInvolved ? "unknown" : null;
  }
}
