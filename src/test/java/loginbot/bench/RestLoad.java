package loginbot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load through the REST channel: {@code clients} threads each send a message, wait for
 * the answer, and send the next, to random conversations among {@code conversations}, each with a
 * fresh {@code metadata.message_id}. Prints messages per second and latency percentiles measured
 * after a warm-up. Not a test: run by {@code src/test/bench/load.sh}.
 *
 * <p>Arguments: {@code URL SECONDS WARMUP_SECONDS CLIENTS CONVERSATIONS}.
 */
public final class RestLoad {
  static final List<String> PHRASES =
      List.of(
          "hi",
          "I can't log in",
          "it says invalid user or password",
          "no",
          "yes",
          "I forgot my password",
          "I never got the reset email",
          "my account is disabled",
          "je n'arrive pas à me connecter",
          "mon compte est désactivé",
          "/no",
          "/yes",
          "thanks, bye");

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: RestLoad URL SECONDS WARMUP_SECONDS CLIENTS CONVERSATIONS");
      System.exit(2);
    }
    URI url = URI.create(args[0]).resolve("/webhooks/rest/webhook");
    long seconds = Long.parseLong(args[1]);
    long warmup = Long.parseLong(args[2]);
    int clients = Integer.parseInt(args[3]);
    int conversations = Integer.parseInt(args[4]);
    String run = Long.toString(System.currentTimeMillis(), 36);

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    Map<Integer, AtomicLong> statuses = new ConcurrentSkipListMap<>();
    for (int s : new int[] {200, 429, 500, 503, 0}) {
      statuses.put(s, new AtomicLong());
    }
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Worker w = new Worker(http, url, run, i, conversations, measureFrom, end, statuses);
      workers.add(w);
      w.start();
    }
    for (Worker w : workers) {
      w.join();
    }
    long[] all =
        workers.stream()
            .flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count))
            .sorted()
            .toArray();
    double mps = all.length / (double) seconds;
    System.out.printf(
        "clients=%d conversations=%d seconds=%d messages=%d%n",
        clients, conversations, seconds, all.length);
    System.out.printf("throughput_msgs_per_s=%.0f%n", mps);
    System.out.printf(
        "latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f%n",
        pct(all, 50), pct(all, 90), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    System.out.printf("statuses_whole_run %s%n", statuses);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** One closed-loop client. */
  private static final class Worker extends Thread {
    final HttpClient http;
    final URI url;
    final String run;
    final int conversations;
    final long measureFrom;
    final long end;
    final Map<Integer, AtomicLong> statuses;
    long[] latencies = new long[1 << 14];
    int count;
    int sent;

    Worker(
        HttpClient http,
        URI url,
        String run,
        int index,
        int conversations,
        long measureFrom,
        long end,
        Map<Integer, AtomicLong> statuses) {
      super("load-" + index);
      this.http = http;
      this.url = url;
      this.run = run + "-" + index;
      this.conversations = conversations;
      this.measureFrom = measureFrom;
      this.end = end;
      this.statuses = statuses;
    }

    @Override
    public void run() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      while (System.nanoTime() < end) {
        String sender = "bench-" + random.nextInt(conversations);
        String text = PHRASES.get(random.nextInt(PHRASES.size()));
        String body =
            "{\"sender\":\""
                + sender
                + "\",\"message\":\""
                + text.replace("\"", "\\\"")
                + "\",\"metadata\":{\"message_id\":\""
                + run
                + "-"
                + (sent++)
                + "\"}}";
        HttpRequest request =
            HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long t0 = System.nanoTime();
        int status;
        try {
          status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
          status = 0;
        }
        long t1 = System.nanoTime();
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (status == 200 && t0 >= measureFrom && t1 <= end) {
          if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          latencies[count++] = t1 - t0;
        }
      }
    }
  }
}
