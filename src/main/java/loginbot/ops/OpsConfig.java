package loginbot.ops;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import loginbot.Env;
import loginbot.store.Stores;

/**
 * The operations settings, parsed from the environment by the composition root. All optional.
 *
 * @param metricsToken when set, {@code /metrics} wants {@code Authorization: Bearer <token>}
 * @param perSender messages per conversation (all channels); 0 per minute turns it off
 * @param perClient requests per client address on the public endpoints, a backstop; 0 per minute
 *     turns it off
 * @param perUser requests per widget conversation token; 0 per minute turns it off
 * @param addressLimitOnRest whether the per-address backstop applies to the REST webhook too
 * @param forwardedFor how the client address is taken from {@code X-Forwarded-For} (behind proxies)
 * @param drainTimeout how long a stopping server waits for in-flight turns
 * @param databasePoolSize PostgreSQL connections of this instance
 * @param databaseQueueSize requests that may wait for one of them; beyond, 503 with Retry-After
 */
public record OpsConfig(
    Optional<String> metricsToken,
    RateLimiter.Limit perSender,
    RateLimiter.Limit perClient,
    RateLimiter.Limit perUser,
    boolean addressLimitOnRest,
    ForwardedFor forwardedFor,
    Duration drainTimeout,
    int databasePoolSize,
    int databaseQueueSize) {

  public static OpsConfig fromEnv(Map<String, String> vars) {
    Env env = new Env(vars);
    int max = Integer.MAX_VALUE;
    // At least 2: Flyway holds one connection for its lock while it migrates on another.
    int pool = env.integer("DATABASE_POOL_SIZE", Stores.DEFAULT_POSTGRES_POOL_SIZE, 2, 1000);
    return new OpsConfig(
        env.secret("METRICS_TOKEN", 16),
        // A burst under 1 would refuse every message: turn a limit off with its _PER_MINUTE at 0.
        new RateLimiter.Limit(
            env.integer("RATE_LIMIT_PER_MINUTE", 30, 0, max),
            env.integer("RATE_LIMIT_BURST", 10, 1, max)),
        // A backstop: an office of a hundred people opening the widget at once stays under it.
        new RateLimiter.Limit(
            env.integer("RATE_LIMIT_IP_PER_MINUTE", 6000, 0, max),
            env.integer("RATE_LIMIT_IP_BURST", 1000, 1, max)),
        new RateLimiter.Limit(
            env.integer("RATE_LIMIT_USER_PER_MINUTE", 120, 0, max),
            env.integer("RATE_LIMIT_USER_BURST", 40, 1, max)),
        env.flag("RATE_LIMIT_IP_ON_REST"),
        forwardedFor(env),
        Duration.ofSeconds(env.integer("SHUTDOWN_TIMEOUT_SECONDS", 10, 0, max)),
        pool,
        env.integer("DATABASE_QUEUE_SIZE", 4 * pool, 0, 100_000));
  }

  private static ForwardedFor forwardedFor(Env env) {
    try {
      return ForwardedFor.parse(env.text("TRUST_FORWARDED_FOR").orElse(null));
    } catch (IllegalArgumentException e) {
      throw new loginbot.Config.ConfigException(
          "TRUST_FORWARDED_FOR must be true, false or proxy addresses/CIDR blocks: "
              + e.getMessage());
    }
  }
}
