package loginbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's live updates: {@code GET /api/events} (agent token, Server-Sent Events) says which
 * conversations changed, and the console then reads the store through the API. One poller per
 * instance reads the shared store, so a change made through any instance reaches every console;
 * events carry no conversation data, only ids, and the store stays the truth.
 */
public final class ConsoleEvents implements Routes, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConsoleEvents.class);

  /** Turns may commit a little after the time they stamp: look back this far on every poll. */
  static final Duration OVERLAP = Duration.ofSeconds(5);

  static final int MAX_STREAMS = 200;
  static final int MAX_IDS = 100;
  private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(15);

  private final ConversationStore store;
  private final AgentAuth auth;
  private final Clock clock;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "console-events");
            t.setDaemon(true);
            return t;
          });
  // What was announced already, by id: the update time seen, so the overlap announces nothing
  // twice.
  private final Map<String, Instant> announced = new HashMap<>();
  private Instant since;
  private long lastSentNanos = System.nanoTime();

  public ConsoleEvents(ConversationStore store, AgentAuth auth, Clock clock, Duration poll) {
    this.store = store;
    this.auth = auth;
    this.clock = clock;
    this.since = clock.instant();
    poller.scheduleWithFixedDelay(
        this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What one event says: these conversations changed (or, with {@code many}, too many to list). */
  record Changed(List<String> ids, boolean many) {}

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/api/events",
        ctx -> {
          auth.require(ctx);
          if (clients.size() >= MAX_STREAMS) {
            ctx.header("Retry-After", "10");
            throw new HttpResponseException(503, "too many open console streams, retry shortly");
          }
          new SseHandler(
                  client -> {
                    clients.add(client);
                    client.onClose(() -> clients.remove(client));
                    client.keepAlive();
                    client.sendEvent("ready", new Changed(List.of(), false));
                  })
              .handle(ctx);
        });
  }

  /** One pass: announce what changed since the last one. Runs on the poller's thread only. */
  void poll() {
    Instant now = clock.instant();
    if (clients.isEmpty()) {
      since = now;
      announced.clear();
      return;
    }
    List<String> ids = new ArrayList<>();
    try {
      Instant from = since.minus(OVERLAP);
      for (ConversationRecord c : store.updatedBetween(from, now.plus(OVERLAP))) {
        if (!c.updatedAt().equals(announced.get(c.id()))) {
          announced.put(c.id(), c.updatedAt());
          ids.add(c.id());
        }
      }
      announced.values().removeIf(at -> at.isBefore(from));
      since = now;
    } catch (StoreUnavailableException e) {
      log.debug("console events skipped a poll: {}", e.getMessage());
      return;
    } catch (RuntimeException e) {
      log.warn("console events poll failed: {}", e.toString());
      return;
    }
    long nanos = System.nanoTime();
    if (!ids.isEmpty()) {
      Changed event =
          ids.size() > MAX_IDS
              ? new Changed(List.of(), true)
              : new Changed(List.copyOf(ids), false);
      broadcast(client -> client.sendEvent("changed", event));
      lastSentNanos = nanos;
    } else if (nanos - lastSentNanos > HEARTBEAT_NANOS) {
      broadcast(client -> client.sendComment("heartbeat"));
      lastSentNanos = nanos;
    }
  }

  private void broadcast(java.util.function.Consumer<SseClient> send) {
    for (SseClient client : List.copyOf(clients)) {
      if (client.terminated()) {
        clients.remove(client);
        continue;
      }
      try {
        send.accept(client);
      } catch (RuntimeException e) {
        clients.remove(client);
        client.close();
      }
    }
  }

  int openStreams() {
    return clients.size();
  }

  @Override
  public void stopping() {
    close();
  }

  @Override
  public void close() {
    poller.shutdownNow();
    List.copyOf(clients).forEach(SseClient::close);
    clients.clear();
  }
}
