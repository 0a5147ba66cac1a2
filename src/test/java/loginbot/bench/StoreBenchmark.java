package loginbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.Status;
import loginbot.nlu.Language;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.Stores;
import loginbot.store.TestPostgres;
import loginbot.store.TranscriptEntry;
import loginbot.store.TurnWrite;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The store alone, without HTTP or NLU: one turn (lock, dedupe check, load, write state, two
 * transcript lines, processed id, commit) and one state read, on SQLite and PostgreSQL. Tells
 * whether a hot state cache could pay: compare {@code find} with {@code runTurn}.
 *
 * <p>{@code mvn -o -Pbench test-compile exec:exec -Djmh.args="StoreBenchmark -f 1 -wi 3 -i 5 -t 1"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreBenchmark {
  static final int CONVERSATIONS = 1000;

  @Param({"sqlite", "postgres"})
  public String database;

  private ConversationStore store;
  private TestPostgres postgres;
  private Path dir;
  private final AtomicLong messages = new AtomicLong();

  @Setup(Level.Trial)
  public void open() throws Exception {
    if (database.equals("sqlite")) {
      dir = Files.createTempDirectory("store-bench");
      store = Stores.sqlite(dir.resolve("loginbot.db"), Clock.systemUTC());
    } else {
      postgres = TestPostgres.createSchema();
      store = Stores.postgres(postgres.url(), Clock.systemUTC());
    }
    for (int i = 0; i < CONVERSATIONS; i++) {
      runTurn("c" + i);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    store.close();
    if (postgres != null) {
      postgres.close();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Benchmark
  public Object turn() {
    return runTurn("c" + ThreadLocalRandom.current().nextInt(CONVERSATIONS));
  }

  @Benchmark
  public Object find() {
    return store.find("c" + ThreadLocalRandom.current().nextInt(CONVERSATIONS));
  }

  private Object runTurn(String id) {
    String messageId = "m" + messages.incrementAndGet();
    return store.runTurn(
        id,
        "rest",
        messageId,
        current -> {
          ConversationState state =
              current.map(ConversationRecord::state).orElse(ConversationState.initial(Language.EN));
          Map<String, String> facts = new HashMap<>(state.facts());
          facts.put("n", Integer.toString(Integer.parseInt(facts.getOrDefault("n", "0")) + 1));
          ConversationState next =
              new ConversationState(
                  Status.BOT,
                  state.role(),
                  state.language(),
                  "invalid_credentials",
                  state.stepIndex() + 1,
                  ConversationState.Awaiting.OUTCOME,
                  state.steps(),
                  facts,
                  0,
                  false,
                  List.of("user: I can't log in", "bot: Did that work?"));
          Action.Reply reply = Action.Reply.text("Did that work?");
          var now = java.time.Instant.now();
          return new TurnWrite(
              next,
              List.of(
                  new TranscriptEntry.Draft(
                      now,
                      TranscriptEntry.Author.USER,
                      null,
                      "I can't log in",
                      List.of(),
                      "cannot_login",
                      0.9,
                      true),
                  new TranscriptEntry.Draft(
                      now,
                      TranscriptEntry.Author.BOT,
                      null,
                      reply.text(),
                      List.of(),
                      null,
                      null,
                      true)),
              Optional.empty(),
              List.of(reply),
              List.of());
        });
  }
}
