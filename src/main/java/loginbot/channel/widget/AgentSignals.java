package loginbot.channel.widget;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import loginbot.store.WidgetSessions;
import loginbot.web.AgentAuth;
import loginbot.web.Requests;
import loginbot.web.Routes;

/**
 * What an agent's console tells the widget: {@code POST /api/conversations/{id}/typing} while the
 * agent types (the widget shows it for a few seconds, and no longer once the agent's message is
 * sent), and {@code POST .../seen {"seq": N}} once the agent has seen the conversation up to line N
 * (the widget shows "Seen").
 */
public final class AgentSignals implements Routes {
  /** A typing signal lasts this long unless repeated; consoles repeat it every few seconds. */
  static final Duration TYPING = Duration.ofSeconds(6);

  private final AgentAuth auth;
  private final WidgetSessions sessions;
  private final Requests requests;
  private final Clock clock;

  public AgentSignals(AgentAuth auth, WidgetSessions sessions, Requests requests, Clock clock) {
    this.auth = auth;
    this.sessions = sessions;
    this.requests = requests;
    this.clock = clock;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    // Before the message is written, so that the widget never shows the message under a stale
    // "Alice is typing…"; a refused message clears it too, and the console signals again.
    routes.before(
        "/api/conversations/{id}/messages",
        ctx -> {
          if (ctx.method() == HandlerType.POST) {
            auth.require(ctx);
            sessions.typing(ctx.pathParam("id"), null, null);
          }
        });
    routes.post(
        "/api/conversations/{id}/typing",
        ctx -> {
          String agent = auth.require(ctx);
          sessions.typing(ctx.pathParam("id"), agent, clock.instant().plus(TYPING));
          ctx.status(204);
        });
    routes.post(
        "/api/conversations/{id}/seen",
        ctx -> {
          String agent = auth.require(ctx);
          var seq = requests.object(ctx).get("seq");
          if (seq == null || !seq.canConvertToLong() || seq.asLong() < 1) {
            throw new BadRequestResponse("'seq' must be a transcript line number (1 or more)");
          }
          sessions.seen(ctx.pathParam("id"), seq.asLong(), agent);
          ctx.status(204);
        });
  }
}
