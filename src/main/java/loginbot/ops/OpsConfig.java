package loginbot.ops;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import loginbot.Config.ConfigException;

/**
 * The operations settings, parsed from the environment by the composition root. All optional.
 *
 * @param metricsToken when set, {@code /metrics} wants {@code Authorization: Bearer <token>}
 * @param perSender messages per conversation (all channels); 0 per minute turns it off
 * @param perClient requests per client address on the public endpoints; 0 per minute turns it off
 * @param trustForwardedFor take the client address from {@code X-Forwarded-For} (behind a proxy)
 * @param drainTimeout how long a stopping server waits for in-flight turns
 */
public record OpsConfig(
    Optional<String> metricsToken,
    RateLimiter.Limit perSender,
    RateLimiter.Limit perClient,
    boolean trustForwardedFor,
    Duration drainTimeout) {

  public static OpsConfig fromEnv(Map<String, String> env) {
    Optional<String> token = text(env, "METRICS_TOKEN");
    if (token.isPresent() && token.get().length() < 16) {
      throw new ConfigException("METRICS_TOKEN must be at least 16 characters long");
    }
    return new OpsConfig(
        token,
        new RateLimiter.Limit(integer(env, "RATE_LIMIT_PER_MINUTE", 30), integer(env, "RATE_LIMIT_BURST", 10)),
        new RateLimiter.Limit(
            integer(env, "RATE_LIMIT_IP_PER_MINUTE", 600), integer(env, "RATE_LIMIT_IP_BURST", 100)),
        bool(env, "TRUST_FORWARDED_FOR"),
        Duration.ofSeconds(integer(env, "SHUTDOWN_TIMEOUT_SECONDS", 10)));
  }

  private static Optional<String> text(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    Optional<String> raw = text(env, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < 0) {
        throw new ConfigException(name + " must not be negative, got " + value);
      }
      if (value == 0 && name.endsWith("_BURST")) {
        throw new ConfigException(name + " must be at least 1 (set the _PER_MINUTE variable to 0 to turn off)");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got '" + raw.get() + "'");
    }
  }

  private static boolean bool(Map<String, String> env, String name) {
    Optional<String> raw = text(env, name);
    if (raw.isEmpty()) {
      return false;
    }
    return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new ConfigException(name + " must be true or false, got '" + raw.get() + "'");
    };
  }
}
