package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import loginbot.MutableClock;
import loginbot.store.TranscriptEntry.Author;
import org.junit.jupiter.api.Test;

/**
 * Many threads on one store: each message is delivered twice, concurrently, in shuffled order.
 * Turns of one conversation must never overlap, no update may be lost, each message runs once.
 */
abstract class ConcurrentTurnsContract {
  static final int CONVERSATIONS = 4;
  static final int MESSAGES = 40;
  static final int THREADS = 8;

  protected abstract ConversationStore open(MutableClock clock) throws Exception;

  @Test
  void concurrent_deliveries_run_each_message_once_one_turn_at_a_time_without_lost_updates()
      throws Exception {
    MutableClock clock = new MutableClock();
    Map<String, AtomicInteger> runsPerMessage = new ConcurrentHashMap<>();
    Map<String, AtomicBoolean> inTurn = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    List<String[]> deliveries = new ArrayList<>();
    for (int c = 0; c < CONVERSATIONS; c++) {
      for (int m = 0; m < MESSAGES; m++) {
        deliveries.add(new String[] {"c" + c, "m" + m});
        deliveries.add(new String[] {"c" + c, "m" + m});
      }
    }
    Collections.shuffle(deliveries, new Random(42));
    Map<String, List<TurnResult>> resultsPerMessage = new ConcurrentHashMap<>();

    try (ConversationStore store = open(clock)) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (String[] d : deliveries) {
        futures.add(
            pool.submit(
                () -> {
                  String key = d[0] + "/" + d[1];
                  TurnResult result =
                      store.runTurn(
                          d[0],
                          "rest",
                          d[1],
                          current -> {
                            AtomicBoolean busy =
                                inTurn.computeIfAbsent(d[0], k -> new AtomicBoolean());
                            if (!busy.compareAndSet(false, true)) {
                              overlaps.incrementAndGet();
                            }
                            runsPerMessage
                                .computeIfAbsent(key, k -> new AtomicInteger())
                                .incrementAndGet();
                            TurnWrite write = Turns.echo(d[1], clock.instant()).apply(current);
                            busy.set(false);
                            return write;
                          });
                  resultsPerMessage
                      .computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                      .add(result);
                }));
      }
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();

      assertThat(overlaps).hasValue(0);
      assertThat(runsPerMessage).hasSize(CONVERSATIONS * MESSAGES);
      assertThat(runsPerMessage.values()).allSatisfy(runs -> assertThat(runs).hasValue(1));
      assertThat(resultsPerMessage.values())
          .allSatisfy(
              results -> {
                assertThat(results)
                    .extracting(TurnResult::duplicate)
                    .containsExactlyInAnyOrder(false, true);
                assertThat(results.get(0).replies()).isEqualTo(results.get(1).replies());
              });
      for (int c = 0; c < CONVERSATIONS; c++) {
        String id = "c" + c;
        assertThat(Turns.count(store.find(id).orElseThrow().state())).isEqualTo(MESSAGES);
        List<String> counted =
            store.transcript(id, 0).stream()
                .filter(e -> e.author() == Author.BOT)
                .map(e -> e.text().substring(0, e.text().indexOf(':')))
                .toList();
        assertThat(counted)
            .containsExactlyElementsOf(
                IntStream.rangeClosed(1, MESSAGES).mapToObj(n -> "echo " + n).toList());
      }
    }
  }
}
