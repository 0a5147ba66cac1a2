package loginbot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import loginbot.channel.RateLimitedException;
import loginbot.web.Routes;

/**
 * Per-client-address limit on the public endpoints (webhooks, widget), checked before any body is
 * read, and only for requests that match a route. Behind a reverse proxy, {@code trustForwardedFor}
 * takes the address the proxy appended last to {@code X-Forwarded-For}; earlier entries are
 * client-supplied and could be forged.
 */
public final class ClientRateLimit implements Routes {
  private final RateLimiter limiter;
  private final List<String> publicPrefixes;
  private final boolean trustForwardedFor;
  private final Counter refused;

  public ClientRateLimit(
      RateLimiter limiter,
      List<String> publicPrefixes,
      boolean trustForwardedFor,
      MeterRegistry registry) {
    this.limiter = limiter;
    this.publicPrefixes = List.copyOf(publicPrefixes);
    this.trustForwardedFor = trustForwardedFor;
    this.refused =
        Counter.builder("loginbot.rate_limited").tag("scope", "client").register(registry);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    if (limiter.limit().enabled()) {
      routes.beforeMatched(this::check);
    }
  }

  private void check(Context ctx) {
    // CORS preflights carry no work and are sent by browsers on their own.
    if (ctx.method() == HandlerType.OPTIONS
        || publicPrefixes.stream().noneMatch(ctx.path()::startsWith)) {
      return;
    }
    Duration wait = limiter.acquire(clientAddress(ctx));
    if (!wait.isZero()) {
      refused.increment();
      throw new RateLimitedException("too many requests from this address, slow down", wait);
    }
  }

  /** The address the limits count requests by. */
  public String clientAddress(Context ctx) {
    if (trustForwardedFor) {
      String forwarded = ctx.header("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim();
      }
    }
    return ctx.ip();
  }
}
