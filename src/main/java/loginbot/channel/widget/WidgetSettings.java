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
 * @param maxStreams open event streams per instance; beyond it new streams get 503
 */
public record WidgetSettings(
    AllowedOrigins allowedOrigins,
    byte[] key,
    Duration pollInterval,
    Duration heartbeatInterval,
    Duration streamLifetime,
    int maxStreams) {

  public WidgetSettings {
    key = key.clone();
    if (pollInterval.isNegative()
        || pollInterval.isZero()
        || heartbeatInterval.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException(
          "poll interval must be positive and no longer than the heartbeat");
    }
    if (maxStreams < 1) {
      throw new IllegalArgumentException("maxStreams must be at least 1");
    }
  }

  /** Production defaults: poll every 700 ms, heartbeat every 15 s, streams renewed every 10 min. */
  public static WidgetSettings of(AllowedOrigins allowedOrigins, byte[] key) {
    return new WidgetSettings(
        allowedOrigins,
        key,
        Duration.ofMillis(700),
        Duration.ofSeconds(15),
        Duration.ofMinutes(10),
        2000);
  }

  @Override
  public byte[] key() {
    return key.clone();
  }
}
