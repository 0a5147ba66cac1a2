package loginbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Security headers on every response. Pages load scripts and styles only from this server (no
 * inline code, so an injected tag cannot run); the agent console and the API may never be framed,
 * the widget pages only by {@code ALLOWED_ORIGINS}.
 */
public final class SecurityHeaders implements Routes {
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
          + "base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors ";

  /** For pages no one should frame or script: errors the server answers before any route. */
  static final String ERROR_PAGE_POLICY =
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final AllowedOrigins embedders;

  public SecurityHeaders(AllowedOrigins embedders) {
    this.embedders = embedders;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before(this::apply);
  }

  void apply(Context ctx) {
    String path = ctx.path();
    boolean neverFramed = path.startsWith("/agent") || path.startsWith("/api/");
    ctx.header(
        "Content-Security-Policy", POLICY + (neverFramed ? "'none'" : embedders.frameAncestors()));
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (neverFramed) {
      ctx.header("X-Frame-Options", "DENY");
    }
    if ("https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || "https".equals(ctx.scheme())) {
      ctx.header("Strict-Transport-Security", "max-age=15552000");
    }
  }
}
