package loginbot.channel.widget;

import io.javalin.http.sse.SseClient;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import loginbot.store.ConversationStore;
import loginbot.store.StoreUnavailableException;
import loginbot.store.TranscriptEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events for open widgets. Each stream polls the shared store for lines after the last
 * one it sent, so a reply an agent wrote through any instance reaches the visitor; events carry the
 * line's sequence number as their id, so a reconnecting browser resumes where it left off. Every
 * stream holds a {@link StreamSlots} slot, given back however the stream ends.
 */
final class EventStreams implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

  /** The conversation's status as the widget shows it; empty once the conversation is gone. */
  @FunctionalInterface
  interface StatusSource {
    Optional<WidgetStatus> status(String conversationId);
  }

  /** A slot that was never used by a stream within this time goes back (the request died). */
  static final long UNUSED_SLOT_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** The full status is read every this many polls, or at once when new lines arrive. */
  static final int STATUS_EVERY = 3;

  private final ConversationStore store;
  private final StatusSource statuses;
  private final WidgetSettings settings;
  private final StreamSlots slots;
  private final ScheduledExecutorService scheduler;
  private final Set<StreamSlots.Slot> pending = ConcurrentHashMap.newKeySet();
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

  EventStreams(ConversationStore store, StatusSource statuses, WidgetSettings settings) {
    this.store = store;
    this.statuses = statuses;
    this.settings = settings;
    this.slots =
        new StreamSlots(
            settings.maxStreams(),
            settings.maxStreamsPerConversation(),
            settings.maxStreamsPerAddress());
    AtomicInteger threads = new AtomicInteger();
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "widget-events-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Takes a slot for a new stream; the caller must {@link #start} it or release it.
   *
   * @throws StreamSlots.RefusedException when a limit is reached
   */
  StreamSlots.Slot reserve(String conversationId, String address) {
    StreamSlots.Slot slot = slots.take(conversationId, address);
    pending.add(slot);
    return slot;
  }

  /** Runs a housekeeping task on the streams' scheduler, failures logged, never fatal. */
  void every(java.time.Duration interval, Runnable task) {
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.warn("widget housekeeping failed: {}", e.getMessage());
          }
        },
        interval.toSeconds(),
        interval.toSeconds(),
        TimeUnit.SECONDS);
  }

  int openStreams() {
    return slots.open();
  }

  /** Streams one conversation to {@code client} from {@code afterSeq}, in the slot reserved. */
  void start(SseClient client, StreamSlots.Slot slot, long afterSeq) {
    pending.remove(slot);
    slot.started = true;
    if (slot.released()) {
      client.close(); // swept meanwhile: the request took too long to start
      return;
    }
    Stream stream = new Stream(client, slot, afterSeq, System.nanoTime());
    streams.add(stream);
    client.onClose(stream::stop);
    client.keepAlive();
    watchConnection(client, stream);
    stream.task =
        scheduler.scheduleWithFixedDelay(
            stream::tick, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Jetty reports a connection that fails or completes; the stream need not wait for a write. */
  private static void watchConnection(SseClient client, Stream stream) {
    try {
      client
          .ctx()
          .req()
          .getAsyncContext()
          .addListener(
              new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                  stream.stop();
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                  stream.stop();
                }

                @Override
                public void onError(AsyncEvent event) {
                  stream.stop();
                }

                @Override
                public void onStartAsync(AsyncEvent event) {}
              });
    } catch (IllegalStateException e) {
      stream.stop(); // the request is no longer asynchronous: it already ended
    }
  }

  /** Gives back slots whose request never became a stream. */
  private void sweep() {
    long now = System.nanoTime();
    for (StreamSlots.Slot slot : List.copyOf(pending)) {
      if (!slot.started && now - slot.takenNanos > UNUSED_SLOT_NANOS) {
        pending.remove(slot);
        slot.release();
      }
    }
  }

  /**
   * Ends every open stream at once, so that a graceful server stop need not wait for them. Must run
   * before the server recycles the requests (see {@code Routes.stopping}).
   */
  @Override
  public void close() {
    scheduler.shutdownNow();
    List.copyOf(streams).forEach(s -> s.client.close());
    List.copyOf(streams).forEach(Stream::stop);
    List.copyOf(pending).forEach(StreamSlots.Slot::release);
  }

  private final class Stream {
    private final SseClient client;
    private final StreamSlots.Slot slot;
    private final long startedNanos;
    private long cursor;
    private WidgetStatus status;
    private int polls;
    private long lastSentNanos;
    private volatile boolean stopped;
    volatile ScheduledFuture<?> task;

    Stream(SseClient client, StreamSlots.Slot slot, long cursor, long startedNanos) {
      this.client = client;
      this.slot = slot;
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
          client.close(); // the browser reconnects where it left off
          return;
        }
        String id = slot.conversationId;
        List<TranscriptEntry> fresh = store.transcript(id, cursor);
        boolean agentLine = false;
        for (TranscriptEntry entry : fresh) {
          WidgetLine.of(entry).ifPresent(line -> send("line", line, String.valueOf(entry.seq())));
          cursor = entry.seq();
          agentLine |= entry.author() == TranscriptEntry.Author.AGENT;
        }
        if (agentLine) {
          // Shown in an open widget: the answer need not be e-mailed.
          store.markSeen(id, cursor);
        }
        if (status == null || !fresh.isEmpty() || ++polls % STATUS_EVERY == 0) {
          sendStatusIfChanged(id);
        }
        if (!stopped && now - lastSentNanos > settings.heartbeatInterval().toNanos()) {
          client.sendComment("heartbeat");
          lastSentNanos = now;
        }
      } catch (StoreUnavailableException e) {
        log.debug("event stream for {} skipped a poll: {}", slot.conversationId, e.getMessage());
      } catch (RuntimeException e) {
        log.warn("event stream for {} failed; closing it", slot.conversationId, e);
        client.close();
      }
    }

    private void sendStatusIfChanged(String id) {
      Optional<WidgetStatus> current = statuses.status(id);
      if (current.isEmpty()) {
        // Deleted (privacy request) or expired: the widget forgets it and starts afresh.
        send("gone", java.util.Map.of("reason", "this conversation no longer exists"), null);
        client.close();
        return;
      }
      if (!current.get().equals(status)) {
        status = current.get();
        send("status", status, null);
      }
    }

    private void send(String event, Object data, String id) {
      client.sendEvent(event, data, id);
      lastSentNanos = System.nanoTime();
    }

    void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      streams.remove(this);
      slot.release();
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
