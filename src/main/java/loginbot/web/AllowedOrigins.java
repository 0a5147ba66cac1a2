package loginbot.web;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the widget may be embedded ({@code ALLOWED_ORIGINS}): nowhere but this server's own origin
 * (empty list, the default), a list of origins such as {@code https://app.example.com}, or anywhere
 * ({@code *}, which must be asked for explicitly).
 */
public record AllowedOrigins(boolean any, Set<String> origins) {

  public AllowedOrigins {
    origins = Set.copyOf(origins);
  }

  public static AllowedOrigins sameOriginOnly() {
    return new AllowedOrigins(false, Set.of());
  }

  /** Parses the configured values; a value that is not an origin fails with a message naming it. */
  public static AllowedOrigins parse(List<String> values) {
    boolean any = false;
    Set<String> origins = new LinkedHashSet<>();
    for (String raw : values) {
      String value = raw.trim();
      if (value.isEmpty()) {
        continue;
      }
      if (value.equals("*")) {
        any = true;
        continue;
      }
      origins.add(
          normalise(value)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "ALLOWED_ORIGINS entries must be origins like https://app.example.com (scheme and host, no path), got '"
                              + value
                              + "'")));
    }
    return new AllowedOrigins(any, origins);
  }

  /**
   * True when a page at {@code origin} may call the widget endpoints (same origin is checked
   * apart).
   */
  public boolean allows(String origin) {
    return any || normalise(origin).map(origins::contains).orElse(false);
  }

  /** True when {@code origin} names the host the request was sent to. */
  public static boolean sameOrigin(String origin, Context ctx) {
    String host = ctx.header("Host");
    if (origin == null || host == null) {
      return false;
    }
    try {
      String authority = new URI(origin).getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The CSP {@code frame-ancestors} sources: who may show our pages in a frame. */
  public String frameAncestors() {
    if (any) {
      return "*";
    }
    StringBuilder sources = new StringBuilder("'self'");
    origins.forEach(o -> sources.append(' ').append(o));
    return sources.toString();
  }

  private static java.util.Optional<String> normalise(String value) {
    if (value == null) {
      return java.util.Optional.empty();
    }
    try {
      URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      String scheme = uri.getScheme();
      boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      boolean bare =
          (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
              && uri.getRawUserInfo() == null;
      if (!web || uri.getHost() == null || !bare) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(
          (scheme + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return java.util.Optional.empty();
    }
  }
}
