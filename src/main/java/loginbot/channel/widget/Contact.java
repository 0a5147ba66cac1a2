package loginbot.channel.widget;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import loginbot.channel.Visitor;
import loginbot.mail.EmailAddress;
import loginbot.web.AllowedOrigins;
import loginbot.web.Requests;

/**
 * What the embedding page says about the visitor ({@code name}, {@code email}, {@code device},
 * {@code appVersion}) and where the chat is ({@code page}): unverified, the page vouches for them.
 * The page must be on the origin the request came from, one allowed to embed the widget, so an
 * e-mail never links anywhere else.
 */
final class Contact {
  static final int MAX_PAGE_CHARS = 2000;

  private Contact() {}

  static Visitor read(JsonNode body, Context ctx, AllowedOrigins allowed) {
    Optional<String> name = Requests.optionalText(body, "name", 120).map(String::strip);
    Optional<String> email = Requests.optionalText(body, "email", 254).map(String::strip);
    email.ifPresent(
        e -> {
          if (!EmailAddress.valid(e)) {
            throw new BadRequestResponse("'email' must be an e-mail address");
          }
        });
    Optional<String> page =
        Requests.optionalText(body, "page", MAX_PAGE_CHARS).map(p -> page(p, ctx, allowed));
    // Shown to agents as given, through textContent: only the length is bounded.
    Optional<String> device = Requests.optionalText(body, "device", 120).map(String::strip);
    Optional<String> appVersion = Requests.optionalText(body, "appVersion", 60).map(String::strip);
    return new Visitor(
        name.orElse(null),
        email.map(EmailAddress::normalise).orElse(null),
        page.orElse(null),
        device.orElse(null),
        appVersion.orElse(null));
  }

  private static String page(String raw, Context ctx, AllowedOrigins allowed) {
    URI uri;
    try {
      uri = new URI(raw.strip());
    } catch (URISyntaxException e) {
      throw new BadRequestResponse("'page' must be the address of the page the widget is on");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
      throw new BadRequestResponse("'page' must be an http(s) address");
    }
    String origin = scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
    String requestOrigin = ctx.header("Origin");
    boolean fromThatPage =
        requestOrigin != null
            ? requestOrigin.equalsIgnoreCase(origin)
            : AllowedOrigins.sameOrigin(origin, ctx) || (!allowed.any() && allowed.allows(origin));
    if (!fromThatPage) {
      throw new BadRequestResponse("'page' must be on the origin of the page that sends it");
    }
    // The fragment is the widget's own (it carries the reopen token); never keep one.
    return uri.getRawFragment() == null ? raw.strip() : raw.strip().split("#", 2)[0];
  }
}
