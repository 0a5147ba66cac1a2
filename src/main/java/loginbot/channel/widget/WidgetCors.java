package loginbot.channel.widget;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import loginbot.web.AllowedOrigins;

/**
 * CORS for the widget endpoints. A page on this server always may call them; another page only when
 * its origin is in {@code ALLOWED_ORIGINS}, otherwise the request is refused outright (403), not
 * merely hidden from the page, so a foreign page cannot even post into a conversation.
 */
final class WidgetCors {
  static final String TOKEN_HEADER = "X-Widget-Token";

  private final AllowedOrigins allowed;

  WidgetCors(AllowedOrigins allowed) {
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
          "origin " + origin + " may not use this widget (see ALLOWED_ORIGINS)");
    }
    ctx.header("Access-Control-Allow-Origin", allowed.any() ? "*" : origin);
    if (ctx.method() == HandlerType.OPTIONS) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST");
      ctx.header("Access-Control-Allow-Headers", "Content-Type, " + TOKEN_HEADER);
      ctx.header("Access-Control-Max-Age", "600");
    }
  }
}
