package loginbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import loginbot.channel.AgentActionRefusedException;
import loginbot.channel.HandledByAnotherAgentException;
import loginbot.channel.RateLimitedException;
import loginbot.channel.UnknownConversationException;
import loginbot.store.StoreBusyException;
import loginbot.store.StoreUnavailableException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin app from the surfaces the composition root chose; returned unstarted. */
public final class WebServer {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  /** Request bodies over this size are refused with 413 before any parsing. */
  public static final long MAX_BODY_BYTES = 64 * 1024;

  /** How long {@code stop()} waits for in-flight requests (turns) to finish by default. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private WebServer() {}

  public static Javalin create(ObjectMapper json, List<Routes> surfaces) {
    return create(json, surfaces, DEFAULT_DRAIN_TIMEOUT);
  }

  /**
   * {@code drainTimeout}: on {@code stop()} the server stops accepting, answers new requests 503
   * and waits up to this long for requests in flight, so a turn that started is finished and
   * answered.
   */
  public static Javalin create(ObjectMapper json, List<Routes> surfaces, Duration drainTimeout) {
    return create(json, surfaces, drainTimeout, HttpLimits.DEFAULT);
  }

  public static Javalin create(
      ObjectMapper json, List<Routes> surfaces, Duration drainTimeout, HttpLimits limits) {
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(json, false));
          config.http.maxRequestSize = MAX_BODY_BYTES;
          config.startup.showJavalinBanner = false;
          config.jetty.modifyHttpConfiguration(
              http -> {
                http.setIdleTimeout(limits.readTimeout().toMillis());
                http.setMinRequestDataRate(limits.minRequestBytesPerSecond());
                http.setSendServerVersion(false);
              });
          config.jetty.modifyServer(
              server -> {
                server.setErrorHandler(new ErrorPages());
                // Javalin nests its own handler inside this wrapper. The drain is ours rather than
                // Jetty's stop timeout: with a timeout, Jetty also waits at least a second for its
                // idle pool threads on every stop, whether or not a request is in flight.
                GracefulHandler graceful = new DrainingHandler();
                server.setHandler(graceful);
                server.setStopTimeout(0);
                server.addEventListener(
                    new LifeCycle.Listener() {
                      @Override
                      public void lifeCycleStarting(LifeCycle event) {
                        for (Connector connector : server.getConnectors()) {
                          if (connector instanceof AbstractConnector c) {
                            c.setIdleTimeout(limits.idleTimeout().toMillis());
                          }
                        }
                      }

                      @Override
                      public void lifeCycleStopping(LifeCycle event) {
                        drain(graceful, drainTimeout);
                      }
                    });
              });
          config.routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
          surfaces.forEach(s -> s.addTo(config.routes));
          config.events.serverStopping(() -> surfaces.forEach(Routes::stopping));

          config.routes.exception(
              HttpResponseException.class,
              (e, ctx) ->
                  ctx.status(e.getStatus())
                      .json(new ApiError(errorCode(e.getStatus()), e.getMessage())));
          // Jetty's verdict on a request (a body too slow, a bad message) keeps its status.
          config.routes.exception(
              BadMessageException.class,
              (e, ctx) ->
                  ctx.status(e.getCode())
                      .json(new ApiError(errorCode(e.getCode()), e.getReason())));
          config.routes.exception(
              RateLimitedException.class,
              (e, ctx) ->
                  ctx.status(429)
                      .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                      .json(new ApiError("too_many_requests", e.getMessage())));
          config.routes.exception(
              HandledByAnotherAgentException.class,
              (e, ctx) ->
                  ctx.status(409).json(new ApiError("handled_by_another_agent", e.getMessage())));
          config.routes.exception(
              AgentActionRefusedException.class,
              (e, ctx) -> ctx.status(409).json(new ApiError("conflict", e.getMessage())));
          config.routes.exception(
              UnknownConversationException.class,
              (e, ctx) -> ctx.status(404).json(new ApiError("not_found", e.getMessage())));
          config.routes.exception(
              StoreBusyException.class,
              // Overload: counted by the HTTP metrics (503s), not logged once per refused request.
              (e, ctx) ->
                  ctx.status(503)
                      .header("Retry-After", Integer.toString(e.retryAfterSeconds()))
                      .json(new ApiError("busy", "too many requests are waiting, retry shortly")));
          config.routes.exception(
              StoreUnavailableException.class,
              (e, ctx) -> {
                log.warn("store unavailable: {}", e.getMessage());
                ctx.status(503)
                    .header("Retry-After", "5")
                    .json(new ApiError("unavailable", "storage is unavailable, retry shortly"));
              });
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500)
                    .json(new ApiError("internal_error", "something went wrong on our side"));
              });
        });
  }

  /**
   * Paths whose callers retry only 429 and 500, never 503: Chatwoot opens a pending conversation to
   * humans at once on any other answer, so while draining it gets 429 and comes back in 3 s.
   */
  static final List<String> RETRY_ONLY_429_AND_500 = List.of("/webhooks/chatwoot");

  /** Jetty's graceful handler, refusing with 429 instead of 503 where only 429 is retried. */
  private static final class DrainingHandler extends GracefulHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (isShutdown()
          && RETRY_ONLY_429_AND_500.stream()
              .anyMatch(Request.getPathInContext(request)::startsWith)) {
        response.getHeaders().put("Retry-After", "3");
        Response.writeError(request, response, callback, 429, "stopping, retry shortly");
        return true;
      }
      return super.handle(request, response, callback);
    }
  }

  /** New requests get 503 from here on; waits (bounded) for those in flight to be answered. */
  private static void drain(GracefulHandler graceful, Duration timeout) {
    try {
      graceful.shutdown().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("stopping with requests still in flight after {}", timeout);
    } catch (ExecutionException e) {
      log.warn("draining requests failed: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String errorCode(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 406 -> "not_acceptable";
      case 408 -> "request_timeout";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "too_many_requests";
      case 503 -> "unavailable";
      default -> "http_" + status;
    };
  }
}
