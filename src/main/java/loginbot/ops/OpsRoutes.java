package loginbot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import loginbot.store.ConversationStore;
import loginbot.store.StoreUnavailableException;
import loginbot.web.Routes;

/**
 * {@code GET /metrics} (Prometheus text; open unless a metrics token is set) and {@code GET /ready}
 * (200 once the bot can answer and while the store does, 503 otherwise, so a load balancer only
 * routes to working instances).
 */
public final class OpsRoutes implements Routes {
  /** Prometheus text exposition format 0.0.4, what every scraper accepts. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Telemetry telemetry;
  private final ConversationStore store;
  private final Optional<String> metricsToken;
  private final BooleanSupplier started;

  /**
   * @param started whether start-up work the bot needs to answer (NLU training) is done
   */
  public OpsRoutes(
      Telemetry telemetry,
      ConversationStore store,
      Optional<String> metricsToken,
      BooleanSupplier started) {
    this.telemetry = telemetry;
    this.store = store;
    this.metricsToken = metricsToken;
    this.started = started;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/metrics", this::metrics);
    routes.get("/ready", this::ready);
  }

  private void metrics(Context ctx) {
    metricsToken.ifPresent(
        expected -> {
          String header = ctx.header("Authorization");
          String given =
              header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                  ? header.substring(7).trim()
                  : "";
          if (!MessageDigest.isEqual(
              given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedResponse("a valid metrics token is required");
          }
        });
    ctx.contentType(CONTENT_TYPE).result(telemetry.scrape());
  }

  private void ready(Context ctx) {
    if (!started.getAsBoolean()) {
      ctx.status(503).header("Retry-After", "1").json(Map.of("status", "starting"));
      return;
    }
    try {
      store.checkReady();
      ctx.json(Map.of("status", "ready"));
    } catch (StoreUnavailableException e) {
      ctx.status(503)
          .header("Retry-After", "5")
          .json(Map.of("status", "unavailable", "store", "down"));
    }
  }
}
