package loginbot.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loginbot.ops.AnalyticsReport.AgentTimes;
import loginbot.ops.AnalyticsReport.Day;
import loginbot.store.ConversationEpisode;

/**
 * The period's episodes tallied three ways: overall, per UTC day they started (every day of the
 * period, empty ones included, so a chart has no gaps), and per agent who took them.
 */
final class Breakdown {
  final ChatTally overall = new ChatTally();
  private final Map<LocalDate, ChatTally> days = new LinkedHashMap<>();
  private final Map<String, ChatTally> agents = new TreeMap<>();

  Breakdown(Instant from, Instant to) {
    LocalDate last = to.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
    for (LocalDate d = day(from); !d.isAfter(last); d = d.plusDays(1)) {
      days.put(d, new ChatTally());
    }
  }

  void add(ConversationEpisode found) {
    overall.add(found);
    ChatTally day = days.get(day(found.episode().startedAt()));
    if (day != null) {
      day.add(found);
    }
    String agent = found.episode().agent();
    if (agent != null) {
      agents.computeIfAbsent(agent, a -> new ChatTally()).add(found);
    }
  }

  List<Day> days() {
    List<Day> result = new ArrayList<>();
    days.forEach(
        (date, t) -> {
          var s = t.satisfaction();
          result.add(
              new Day(
                  date.toString(),
                  t.chats,
                  t.resolved,
                  t.rate(t.resolved),
                  t.handedOff,
                  t.rate(t.handedOff),
                  s.helpfulAnswers(),
                  s.helpfulShare(),
                  s.ratings(),
                  s.averageRating()));
        });
    return result;
  }

  List<AgentTimes> agents() {
    List<AgentTimes> result = new ArrayList<>();
    agents.forEach(
        (agent, t) ->
            result.add(new AgentTimes(agent, t.chats, t.firstHumanReply(), t.handlingTime())));
    return result;
  }

  private static LocalDate day(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
