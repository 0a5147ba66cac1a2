package loginbot.channel;

/**
 * Decides whether a message may be processed now (per-sender rate limits); runs before any turn.
 */
@FunctionalInterface
public interface MessageGate {
  MessageGate ALL = message -> {};

  /** Returns normally to admit; throws {@link RateLimitedException} to refuse. */
  void admit(InboundMessage message);
}
