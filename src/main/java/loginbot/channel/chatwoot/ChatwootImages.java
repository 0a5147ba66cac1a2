package loginbot.channel.chatwoot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import loginbot.attachment.ImageLine;
import loginbot.attachment.ImageRejected;
import loginbot.channel.ImageMessages;
import loginbot.channel.InboundMessage;
import loginbot.channel.TurnOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images of visitors' Chatwoot messages, read after the webhook has answered (Chatwoot waits 5
 * s at most; a download and a reading may take longer). Each conversation's images are taken one
 * after the other, behind the earlier work of that conversation, on a few worker threads: fetched
 * from Chatwoot ({@link ChatwootFiles}), then the same path as the widget's uploads ({@link
 * ImageMessages}). An image is processed once: a redelivered event finds it queued or kept, and its
 * turn has its own message id, which the store runs once.
 */
public final class ChatwootImages implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChatwootImages.class);

  private final ChatwootFiles files;
  private final ImageMessages messages;
  private final ExecutorService workers;
  private final Map<String, CompletableFuture<Void>> lines = new ConcurrentHashMap<>();
  // Images queued or taken lately: a redelivery arriving meanwhile is not fetched again.
  private final Cache<String, Boolean> taken =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();

  /**
   * @param threads images read at once, across conversations
   */
  public ChatwootImages(ChatwootFiles files, ImageMessages messages, int threads) {
    this.files = files;
    this.messages = messages;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "chatwoot-images-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** One image to take in: where it arrived, and the file Chatwoot describes. */
  record Job(ImageMessages.Arrival arrival, ChatwootEvent.Attachment file) {
    String key() {
      return arrival.conversationId() + " " + arrival.attachmentId();
    }
  }

  /**
   * Queues the images of a visitor's message behind the earlier work of its conversation; other
   * files are left to the agents, who see them in Chatwoot. {@code turn} runs a turn in the
   * channel's per-conversation order. Returns how many were queued (a redelivery queues none).
   */
  int queue(Decision.Act act, Function<InboundMessage, TurnOutcome> turn) {
    String conversation = act.conversation().key();
    List<Job> jobs = new ArrayList<>();
    List<ChatwootEvent.Attachment> files = act.attachments();
    for (int i = 0; i < files.size(); i++) {
      ChatwootEvent.Attachment file = files.get(i);
      if (!file.image()) {
        log.info(
            "chatwoot message {}: a {} attachment is not read (only images are)",
            act.messageId(),
            file.fileType() == null ? "untyped" : oneWord(file.fileType()));
        continue;
      }
      // Its own message id: the store runs the image's turn once, whatever redelivers the event.
      String id = act.messageId() + ":image:" + (file.id() != null ? file.id() : i + 1);
      jobs.add(
          new Job(
              new ImageMessages.Arrival(
                  ChatwootWebhook.CHANNEL,
                  conversation,
                  id,
                  ImageLine.idFor(conversation, id),
                  act.role(),
                  act.language(),
                  act.customAttributes()),
              file));
    }
    return queue(conversation, jobs, turn);
  }

  private int queue(
      String conversation, List<Job> jobs, Function<InboundMessage, TurnOutcome> turn) {
    int queued = 0;
    for (Job job : jobs) {
      if (taken.asMap().putIfAbsent(job.key(), Boolean.TRUE) != null
          || messages.kept(conversation, job.arrival().attachmentId())) {
        continue;
      }
      CompletableFuture<Void> next =
          lines.compute(
              conversation,
              (k, tail) ->
                  (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                      .handleAsync((r, e) -> take(job, turn), workers));
      next.whenComplete((r, e) -> lines.remove(conversation, next));
      queued++;
    }
    return queued;
  }

  private Void take(Job job, Function<InboundMessage, TurnOutcome> turn) {
    ImageMessages.Arrival a = job.arrival();
    try {
      if (messages.kept(a.conversationId(), a.attachmentId())) {
        return null;
      }
      ChatwootFiles.Fetched fetched = files.fetch(job.file().dataUrl(), job.file().fileSize());
      if (fetched instanceof ChatwootFiles.Fetched.Refused refused) {
        log.info(
            "chatwoot image {} of {} not fetched: {}",
            job.file().id(),
            a.conversationId(),
            refused.reason());
        messages.refused(a, refused.why(), turn);
        return null;
      }
      byte[] bytes = ((ChatwootFiles.Fetched.Bytes) fetched).bytes();
      try {
        messages.take(a, bytes, turn);
      } catch (ImageRejected e) {
        log.info(
            "chatwoot image {} of {} refused: {}",
            job.file().id(),
            a.conversationId(),
            e.getMessage());
        messages.refused(a, ImageMessages.refusal(e), turn);
      }
    } catch (RuntimeException e) {
      // Chatwoot had its 200 already: the agents still see the image there.
      taken.invalidate(job.key());
      log.warn(
          "chatwoot image {} of {} not processed: {}",
          job.file().id(),
          a.conversationId(),
          e.toString());
    }
    return null;
  }

  /**
   * Runs {@code work} behind the images its conversation is waiting for, if it is waiting for any,
   * so that a message sent after an image is answered after it; false (nothing queued) when the
   * conversation waits for none, and the caller runs it at once.
   */
  boolean behindImages(String conversation, Runnable work) {
    boolean[] queued = {false};
    CompletableFuture<Void> next =
        lines.computeIfPresent(
            conversation,
            (k, tail) -> {
              queued[0] = true;
              return tail.handleAsync((r, e) -> quietly(conversation, work), workers);
            });
    if (!queued[0]) {
      return false;
    }
    next.whenComplete((r, e) -> lines.remove(conversation, next));
    return true;
  }

  private static Void quietly(String conversation, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      // Chatwoot had its 200 already; its agents still see the message there.
      log.warn(
          "chatwoot message of {} not processed after an image: {}", conversation, e.toString());
    }
    return null;
  }

  /** A value from the payload, fit for a log line. */
  private static String oneWord(String value) {
    String word = value.replaceAll("[^A-Za-z0-9_]", "");
    return word.length() > 20 ? word.substring(0, 20) : word;
  }

  /**
   * Waits until every image queued so far is through, and what they queued in turn (a message that
   * waited behind an image queues its own images only then); false if that took longer than max.
   */
  boolean awaitIdle(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    try {
      while (true) {
        CompletableFuture<?>[] pending =
            lines.values().stream().filter(f -> !f.isDone()).toArray(CompletableFuture<?>[]::new);
        if (pending.length == 0) {
          return true;
        }
        CompletableFuture.allOf(pending)
            .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Lets the images already queued finish, up to 30 s; later ones are not taken. */
  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
