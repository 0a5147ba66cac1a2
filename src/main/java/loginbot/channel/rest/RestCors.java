package loginbot.channel.rest;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import loginbot.web.AllowedOrigins;

/**
 * CORS for the REST channel, as {@code rasa run --cors} gives it, from the same {@code
 * ALLOWED_ORIGINS} as the widget: a page of a listed origin (or any, with {@code *}) gets its
 * preflight answered and may read the replies. Like the widget, a page of another origin is refused
 * outright (403), so it cannot even post into a conversation. Calls without an {@code Origin}
 * (servers, {@code rasa shell}, curl) are not affected.
 */
final class RestCors {
  private static final String SAFE_HEADER_LIST = "[A-Za-z0-9-]+(\\s*,\\s*[A-Za-z0-9-]+)*";

  private final AllowedOrigins allowed;

  RestCors(AllowedOrigins allowed) {
    this.allowed = allowed;
  }

  void apply(Context ctx) {
    String origin = ctx.header("Origin");
    ctx.header("Vary", "Origin");
    if (origin == null || AllowedOrigins.sameOrigin(origin, ctx)) {
      return;
    }
    if (!allowed.allows(origin)) {
      throw new ForbiddenResponse(
          "origin " + origin + " may not call the REST channel (see ALLOWED_ORIGINS)");
    }
    ctx.header("Access-Control-Allow-Origin", allowed.any() ? "*" : origin);
    if (HandlerType.OPTIONS.equals(ctx.method())) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      String requested = ctx.header("Access-Control-Request-Headers");
      // Clients add their own headers (a token, a trace id); a well-formed list is granted as
      // asked, since the channel reads none of them.
      ctx.header(
          "Access-Control-Allow-Headers",
          requested != null && requested.trim().matches(SAFE_HEADER_LIST)
              ? requested.trim()
              : "Content-Type");
      ctx.header("Access-Control-Max-Age", "600");
    }
  }
}
