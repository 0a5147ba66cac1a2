package loginbot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import loginbot.channel.RateLimitedException;
import loginbot.web.Routes;

/**
 * Limits on the public endpoints (webhooks, widget), checked before any body is read, and only for
 * requests that match a route. A request that names its user (a widget conversation token) counts
 * against that user; the per-address limit is a generous backstop, since an office, a school or a
 * carrier puts many users behind one address, and it is off on the paths where server-to-server
 * callers relay all their users from one address (the REST webhook, unless asked for).
 */
public final class ClientRateLimit implements Routes {
  /** The widget's conversation token header, which identifies one user. */
  static final String WIDGET_TOKEN = "X-Widget-Token";

  private final RateLimiter perUser;
  private final RateLimiter perAddress;
  private final List<String> publicPrefixes;
  private final List<String> noAddressLimit;
  private final ForwardedFor forwarded;
  private final Counter refusedUser;
  private final Counter refusedAddress;

  /**
   * @param publicPrefixes the paths limited at all
   * @param noAddressLimit paths among them exempt from the per-address backstop
   */
  public ClientRateLimit(
      RateLimiter perUser,
      RateLimiter perAddress,
      List<String> publicPrefixes,
      List<String> noAddressLimit,
      ForwardedFor forwarded,
      MeterRegistry registry) {
    this.perUser = perUser;
    this.perAddress = perAddress;
    this.publicPrefixes = List.copyOf(publicPrefixes);
    this.noAddressLimit = List.copyOf(noAddressLimit);
    this.forwarded = forwarded;
    this.refusedUser =
        Counter.builder("loginbot.rate_limited").tag("scope", "user").register(registry);
    this.refusedAddress =
        Counter.builder("loginbot.rate_limited").tag("scope", "client").register(registry);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    if (perUser.limit().enabled() || perAddress.limit().enabled()) {
      routes.beforeMatched(this::check);
    }
  }

  private void check(Context ctx) {
    // CORS preflights carry no work and are sent by browsers on their own.
    if (ctx.method() == HandlerType.OPTIONS
        || publicPrefixes.stream().noneMatch(ctx.path()::startsWith)) {
      return;
    }
    String token = ctx.header(WIDGET_TOKEN);
    if (token != null && !token.isBlank() && perUser.limit().enabled()) {
      // Not verified yet (the route does that): made-up tokens still meet the address backstop.
      Duration wait = perUser.acquire("token:" + digest(token));
      if (!wait.isZero()) {
        refusedUser.increment();
        throw new RateLimitedException("too many requests in this conversation, slow down", wait);
      }
    }
    if (perAddress.limit().enabled() && noAddressLimit.stream().noneMatch(ctx.path()::startsWith)) {
      Duration wait = perAddress.acquire(clientAddress(ctx));
      if (!wait.isZero()) {
        refusedAddress.increment();
        throw new RateLimitedException("too many requests from this address, slow down", wait);
      }
    }
  }

  /** The address the limits count requests by. */
  public String clientAddress(Context ctx) {
    return forwarded.clientOf(ctx);
  }

  /** Tokens are kept by the limiter's keys; a digest keeps them out of memory dumps. */
  private static String digest(String token) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
