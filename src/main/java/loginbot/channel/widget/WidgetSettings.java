package loginbot.channel.widget;

import java.time.Duration;
import loginbot.web.AllowedOrigins;

/**
 * How the widget endpoints behave.
 *
 * @param key the HMAC key for conversation tokens, at least 32 bytes (see {@link WidgetSecret})
 * @param pollInterval how often an open event stream looks for new transcript lines
 * @param heartbeatInterval how long a stream may stay silent before a comment keeps it open
 * @param streamLifetime after this a stream ends and the browser reconnects where it left off
 * @param maxStreams open event streams per instance; beyond it new streams get 503 (0: none, the
 *     widgets poll)
 * @param maxStreamsPerConversation open streams of one conversation (its tabs); beyond it 429
 * @param maxStreamsPerAddress open streams from one client address; beyond it 429
 * @param tokenIdle a conversation's token stops working after this long without activity
 * @param ticketLifetime how long a stream ticket may wait before it opens a stream
 */
public record WidgetSettings(
    AllowedOrigins allowedOrigins,
    byte[] key,
    Duration pollInterval,
    Duration heartbeatInterval,
    Duration streamLifetime,
    int maxStreams,
    int maxStreamsPerConversation,
    int maxStreamsPerAddress,
    Duration tokenIdle,
    Duration ticketLifetime) {

  public static final int DEFAULT_MAX_STREAMS = 2000;
  public static final int DEFAULT_MAX_STREAMS_PER_ADDRESS = 200;
  public static final Duration DEFAULT_TOKEN_IDLE = Duration.ofDays(30);

  public WidgetSettings {
    key = key.clone();
    if (pollInterval.isNegative()
        || pollInterval.isZero()
        || heartbeatInterval.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException(
          "poll interval must be positive and no longer than the heartbeat");
    }
    if (maxStreams < 0 || maxStreamsPerConversation < 1 || maxStreamsPerAddress < 1) {
      throw new IllegalArgumentException(
          "stream limits must be at least 1 (0 is allowed per instance: no streams at all)");
    }
    if (tokenIdle.isNegative() || tokenIdle.isZero() || ticketLifetime.isNegative()) {
      throw new IllegalArgumentException("token and ticket lifetimes must be positive");
    }
  }

  /** With the default per-conversation, per-address and token limits. */
  public WidgetSettings(
      AllowedOrigins allowedOrigins,
      byte[] key,
      Duration pollInterval,
      Duration heartbeatInterval,
      Duration streamLifetime,
      int maxStreams) {
    this(
        allowedOrigins,
        key,
        pollInterval,
        heartbeatInterval,
        streamLifetime,
        maxStreams,
        5,
        DEFAULT_MAX_STREAMS_PER_ADDRESS,
        DEFAULT_TOKEN_IDLE,
        Duration.ofSeconds(60));
  }

  /** Production defaults: poll every 700 ms, heartbeat every 15 s, streams renewed every 10 min. */
  public static WidgetSettings of(AllowedOrigins allowedOrigins, byte[] key) {
    return new WidgetSettings(
        allowedOrigins,
        key,
        Duration.ofMillis(700),
        Duration.ofSeconds(15),
        Duration.ofMinutes(10),
        DEFAULT_MAX_STREAMS);
  }

  /** The same settings with other stream limits and token lifetime (from the environment). */
  public WidgetSettings withLimits(int maxStreams, int maxStreamsPerAddress, Duration tokenIdle) {
    return new WidgetSettings(
        allowedOrigins,
        key,
        pollInterval,
        heartbeatInterval,
        streamLifetime,
        maxStreams,
        maxStreamsPerConversation,
        maxStreamsPerAddress,
        tokenIdle,
        ticketLifetime);
  }

  @Override
  public byte[] key() {
    return key.clone();
  }
}
