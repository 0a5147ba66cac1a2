package loginbot.store;

import java.nio.file.Path;
import loginbot.MutableClock;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent turns on the embedded store. */
class SqliteConcurrencyTest extends ConcurrentTurnsContract {
  @TempDir Path dir;

  @Override
  protected ConversationStore open(MutableClock clock) {
    return Stores.sqlite(dir.resolve("loginbot.db"), clock);
  }
}
