package loginbot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import loginbot.web.Routes;

/**
 * Times every HTTP request by route template (never the raw path, which carries ids). Requests to
 * the webhook prefixes also feed a latency histogram, so p50/p99 can be computed by Prometheus.
 */
public final class HttpMetrics implements Routes {
  private static final String STARTED = "loginbot.ops.started";

  private final MeterProvider<Timer> requests;
  private final MeterProvider<Timer> webhooks;
  private final List<String> webhookPrefixes;

  /**
   * @param webhookPrefixes path prefixes whose latency gets a histogram, e.g. {@code /webhooks/}
   */
  public HttpMetrics(MeterRegistry registry, List<String> webhookPrefixes) {
    this.webhookPrefixes = List.copyOf(webhookPrefixes);
    requests = Timer.builder("http.server.requests").withRegistry(registry);
    webhooks =
        Timer.builder("loginbot.webhook.latency")
            .description("Webhook request latency, as the platform calling us sees it")
            .serviceLevelObjectives(LatencyBuckets.REQUEST)
            .withRegistry(registry);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
    routes.after(this::record);
  }

  private void record(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    long nanos = System.nanoTime() - started;
    String route = route(ctx);
    String status = Integer.toString(ctx.statusCode());
    String method = ctx.method().name();
    requests
        .withTags("method", method, "route", route, "status", status)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (webhookPrefixes.stream().anyMatch(ctx.path()::startsWith)) {
      webhooks.withTags("route", route, "status", status).record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private static String route(Context ctx) {
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched == null ? "unmatched" : matched.path;
  }
}
