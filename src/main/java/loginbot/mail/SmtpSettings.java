package loginbot.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where e-mail goes out, from {@code SMTP_URL}: {@code smtp://user:pass@host:port} (STARTTLS when
 * the server offers it) or {@code smtps://user:pass@host:port} (TLS from the start). User and
 * password are optional and may be percent-encoded; the password is never shown.
 */
public record SmtpSettings(
    boolean tls, String host, int port, Optional<String> user, Optional<String> password) {

  /**
   * Parses the URL; throws {@link IllegalArgumentException} saying what is wrong, never the
   * password.
   */
  public static SmtpSettings parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("SMTP_URL must look like smtp://user:pass@host:587");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
      throw new IllegalArgumentException("SMTP_URL must start with smtp:// or smtps://");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("SMTP_URL has no host");
    }
    boolean tls = scheme.equals("smtps");
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 465 : 25;
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String info = uri.getRawUserInfo();
    if (info != null && !info.isEmpty()) {
      int colon = info.indexOf(':');
      user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
      password = colon < 0 ? Optional.empty() : Optional.of(decode(info.substring(colon + 1)));
    }
    return new SmtpSettings(tls, uri.getHost(), port, user, password);
  }

  /** For logs: scheme, host and port, never the credentials. */
  public String describe() {
    return (tls ? "smtps://" : "smtp://") + host + ":" + port;
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
