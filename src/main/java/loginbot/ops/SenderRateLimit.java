package loginbot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import loginbot.channel.InboundMessage;
import loginbot.channel.MessageGate;
import loginbot.channel.RateLimitedException;

/**
 * Per-sender limit on every channel: one conversation cannot flood the bot (or its NLU) with
 * messages.
 */
public final class SenderRateLimit implements MessageGate {
  private final RateLimiter limiter;
  private final Counter refused;

  public SenderRateLimit(RateLimiter limiter, MeterRegistry registry) {
    this.limiter = limiter;
    this.refused =
        Counter.builder("loginbot.rate_limited").tag("scope", "sender").register(registry);
  }

  @Override
  public void admit(InboundMessage message) {
    Duration wait = limiter.acquire(message.channel() + "\u0000" + message.conversationId());
    if (!wait.isZero()) {
      refused.increment();
      throw new RateLimitedException("too many messages in this conversation, slow down", wait);
    }
  }
}
