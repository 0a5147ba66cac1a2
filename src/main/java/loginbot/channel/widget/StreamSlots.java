package loginbot.channel.widget;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open event streams per instance, per conversation and per client address. A slot is taken
 * before the response starts and given back exactly once, by whichever comes first: the stream
 * ending, the request failing before the stream began, or the sweep of slots never used.
 */
final class StreamSlots {
  /** Why a stream was refused; the instance limit is a 503, the other two a 429. */
  enum Refusal {
    INSTANCE_FULL,
    CONVERSATION_FULL,
    ADDRESS_FULL
  }

  /** Thrown by {@link #take} when a limit is reached. */
  static final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Refusal refusal;

    RefusedException(Refusal refusal) {
      super(refusal.name(), null, false, false);
      this.refusal = refusal;
    }
  }

  private final int perInstance;
  private final int perConversation;
  private final int perAddress;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, AtomicInteger> byConversation = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();

  StreamSlots(int perInstance, int perConversation, int perAddress) {
    this.perInstance = perInstance;
    this.perConversation = perConversation;
    this.perAddress = perAddress;
  }

  /** One taken slot. */
  final class Slot {
    final String conversationId;
    final String address;
    final long takenNanos = System.nanoTime();
    private final AtomicBoolean released = new AtomicBoolean();
    volatile boolean started;

    private Slot(String conversationId, String address) {
      this.conversationId = conversationId;
      this.address = address;
    }

    /** Gives the slot back; later calls do nothing. */
    void release() {
      if (released.compareAndSet(false, true)) {
        open.decrementAndGet();
        decrement(byConversation, conversationId);
        decrement(byAddress, address);
      }
    }

    boolean released() {
      return released.get();
    }
  }

  /**
   * Takes a slot for a stream of this conversation from this address.
   *
   * @throws RefusedException when a limit is reached; nothing is taken then
   */
  Slot take(String conversationId, String address) {
    if (increment(open, perInstance)) {
      if (incrementIn(byConversation, conversationId, perConversation)) {
        if (incrementIn(byAddress, address, perAddress)) {
          return new Slot(conversationId, address);
        }
        decrement(byConversation, conversationId);
        open.decrementAndGet();
        throw new RefusedException(Refusal.ADDRESS_FULL);
      }
      open.decrementAndGet();
      throw new RefusedException(Refusal.CONVERSATION_FULL);
    }
    throw new RefusedException(Refusal.INSTANCE_FULL);
  }

  int open() {
    return open.get();
  }

  private static boolean increment(AtomicInteger counter, int max) {
    if (counter.incrementAndGet() > max) {
      counter.decrementAndGet();
      return false;
    }
    return true;
  }

  private static boolean incrementIn(Map<String, AtomicInteger> counters, String key, int max) {
    boolean[] ok = {false};
    counters.compute(
        key,
        (k, c) -> {
          AtomicInteger counter = c == null ? new AtomicInteger() : c;
          ok[0] = increment(counter, max);
          return counter.get() == 0 ? null : counter;
        });
    return ok[0];
  }

  private static void decrement(Map<String, AtomicInteger> counters, String key) {
    counters.computeIfPresent(key, (k, c) -> c.decrementAndGet() <= 0 ? null : c);
  }
}
