package loginbot.store;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** Canned replies kept in memory, for tests and tools. */
public final class InMemoryCannedReplies implements CannedReplies {
  private final ConcurrentSkipListMap<String, Canned> byShortcut = new ConcurrentSkipListMap<>();

  @Override
  public List<Canned> list() {
    return List.copyOf(byShortcut.values());
  }

  @Override
  public boolean create(Canned reply) {
    return byShortcut.putIfAbsent(reply.shortcut(), reply) == null;
  }

  @Override
  public boolean delete(String shortcut) {
    return byShortcut.remove(shortcut) != null;
  }
}
