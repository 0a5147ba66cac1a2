package loginbot.channel.widget;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import loginbot.dialogue.Status;
import loginbot.store.ConversationStore;
import loginbot.store.StoreUnavailableException;
import loginbot.store.TranscriptEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events for open widgets. Each stream polls the shared store for lines after the last
 * one it sent, so a reply an agent wrote through any instance reaches the visitor; events carry the
 * line's sequence number as their id, so a reconnecting browser resumes where it left off.
 */
final class EventStreams implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

  private final ConversationStore store;
  private final WidgetSettings settings;
  private final ScheduledExecutorService scheduler;
  private final AtomicInteger open = new AtomicInteger();
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

  EventStreams(ConversationStore store, WidgetSettings settings) {
    this.store = store;
    this.settings = settings;
    AtomicInteger threads = new AtomicInteger();
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "widget-events-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Takes a slot for a new stream; false when the instance already serves its maximum. */
  boolean reserve() {
    if (open.incrementAndGet() > settings.maxStreams()) {
      open.decrementAndGet();
      return false;
    }
    return true;
  }

  int openStreams() {
    return open.get();
  }

  /**
   * Streams one conversation to {@code client} from {@code afterSeq}; needs a slot from {@link
   * #reserve}.
   */
  void start(SseClient client, String conversationId, long afterSeq) {
    Stream stream = new Stream(client, conversationId, afterSeq, System.nanoTime());
    streams.add(stream);
    client.keepAlive();
    client.onClose(stream::stop);
    stream.task =
        scheduler.scheduleWithFixedDelay(
            stream::tick, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Ends every open stream at once, so that a graceful server stop need not wait for them. Must run
   * before the server recycles the requests (see {@code Routes.stopping}).
   */
  @Override
  public void close() {
    scheduler.shutdownNow();
    List.copyOf(streams).forEach(s -> s.client.close());
  }

  private final class Stream {
    private final SseClient client;
    private final String conversationId;
    private final long startedNanos;
    private long cursor;
    private String status;
    private long lastSentNanos;
    private volatile boolean stopped;
    volatile ScheduledFuture<?> task;

    Stream(SseClient client, String conversationId, long cursor, long startedNanos) {
      this.client = client;
      this.conversationId = conversationId;
      this.cursor = cursor;
      this.startedNanos = startedNanos;
      this.lastSentNanos = startedNanos;
    }

    void tick() {
      if (stopped || client.terminated()) {
        stop(); // the stream may close before its first tick has been scheduled
        cancel();
        return;
      }
      try {
        long now = System.nanoTime();
        if (now - startedNanos > settings.streamLifetime().toNanos()) {
          client.close(); // the browser reconnects with Last-Event-ID
          return;
        }
        List<TranscriptEntry> fresh = store.transcript(conversationId, cursor);
        boolean agentLine = false;
        for (TranscriptEntry entry : fresh) {
          WidgetLine.of(entry).ifPresent(line -> send("line", line, String.valueOf(entry.seq())));
          cursor = entry.seq();
          agentLine |= entry.author() == TranscriptEntry.Author.AGENT;
        }
        if (agentLine) {
          // Shown in an open widget: the answer need not be e-mailed.
          store.markSeen(conversationId, cursor);
        }
        if (status == null || !fresh.isEmpty()) {
          sendStatusIfChanged();
        }
        if (now - lastSentNanos > settings.heartbeatInterval().toNanos()) {
          client.sendComment("heartbeat");
          lastSentNanos = now;
        }
      } catch (StoreUnavailableException e) {
        log.debug("event stream for {} skipped a poll: {}", conversationId, e.getMessage());
      } catch (RuntimeException e) {
        log.warn("event stream for {} failed; closing it", conversationId, e);
        client.close();
      }
    }

    private void sendStatusIfChanged() {
      String current =
          store.find(conversationId).map(c -> c.state().status()).orElse(Status.BOT).code();
      if (!current.equals(status)) {
        status = current;
        send("status", Map.of("status", current), null);
      }
    }

    private void send(String event, Object data, String id) {
      client.sendEvent(event, data, id);
      lastSentNanos = System.nanoTime();
    }

    synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      streams.remove(this);
      open.decrementAndGet();
      cancel();
    }

    private void cancel() {
      ScheduledFuture<?> t = task;
      if (t != null) {
        t.cancel(false);
      }
    }
  }
}
