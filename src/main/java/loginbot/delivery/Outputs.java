package loginbot.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loginbot.store.OutboxItem;

/**
 * The output channel of every channel name, so the conversation's own channel decides where a
 * message goes; a channel without one answers in its responses and gets nothing later (the terminal
 * chat, tests). Tells the dispatcher when a turn queued something.
 */
public final class Outputs {
  /** Answers in the response; nothing goes out later. */
  public static final OutputChannel IN_RESPONSE_ONLY =
      new OutputChannel() {
        @Override
        public boolean answersInResponse() {
          return true;
        }

        @Override
        public Reach reach() {
          return Reach.LIVE;
        }

        @Override
        public boolean mailable() {
          return false;
        }

        @Override
        public List<OutboxItem.Draft> send(Outgoing outgoing) {
          return List.of();
        }
      };

  private final Map<String, OutputChannel> byChannel = new HashMap<>();
  private volatile Runnable onQueued = () -> {};

  /** No channel delivers later. */
  public static Outputs none() {
    return new Outputs();
  }

  /** Adds a channel's output; returns this. */
  public Outputs with(String channel, OutputChannel output) {
    byChannel.put(channel, output);
    return this;
  }

  /** Called after a turn queued outbox items, e.g. {@code dispatcher::wakeUp}. */
  public Outputs onQueued(Runnable wakeUp) {
    this.onQueued = wakeUp;
    return this;
  }

  public OutputChannel of(String channel) {
    return byChannel.getOrDefault(channel, IN_RESPONSE_ONLY);
  }

  public void queued() {
    onQueued.run();
  }
}
