package loginbot.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Widget sessions in memory, for one process and tests; the reference for the SQL version. */
public final class InMemoryWidgetSessions implements WidgetSessions {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  @Override
  public void open(String id, Instant at) {
    sessions.putIfAbsent(id, new Session(id, at, at, false, null, null, 0, null));
  }

  @Override
  public Optional<Session> find(String id) {
    return Optional.ofNullable(sessions.get(id));
  }

  @Override
  public void touch(String id, Instant at, boolean bind) {
    sessions.computeIfPresent(
        id,
        (k, s) ->
            new Session(
                k,
                s.issuedAt(),
                at,
                s.bound() || bind,
                s.typingName(),
                s.typingUntil(),
                s.seenSeq(),
                s.seenName()));
  }

  @Override
  public void typing(String id, String agentName, Instant until) {
    sessions.computeIfPresent(
        id,
        (k, s) ->
            new Session(
                k,
                s.issuedAt(),
                s.lastUsedAt(),
                s.bound(),
                agentName,
                until,
                s.seenSeq(),
                s.seenName()));
  }

  @Override
  public void seen(String id, long seq, String agentName) {
    sessions.computeIfPresent(
        id,
        (k, s) ->
            seq <= s.seenSeq()
                ? s
                : new Session(
                    k,
                    s.issuedAt(),
                    s.lastUsedAt(),
                    s.bound(),
                    s.typingName(),
                    s.typingUntil(),
                    seq,
                    agentName));
  }

  @Override
  public void close(String id) {
    sessions.remove(id);
  }

  @Override
  public int purgeUnusedSince(Instant cutoff) {
    int before = sessions.size();
    sessions.values().removeIf(s -> s.lastUsedAt().isBefore(cutoff));
    return before - sessions.size();
  }
}
