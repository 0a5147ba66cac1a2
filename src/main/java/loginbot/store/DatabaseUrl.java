package loginbot.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A PostgreSQL location as hosting platforms write it ({@code postgres://user:pass@host:port/db})
 * or as JDBC does ({@code jdbc:postgresql://host:port/db?user=...}), split into what the driver
 * needs.
 *
 * @param params query parameters other than user and password, passed on to the driver
 */
public record DatabaseUrl(
    String host,
    int port,
    String database,
    Optional<String> user,
    Optional<String> password,
    Map<String, String> params) {
  static final int DEFAULT_PORT = 5432;

  public DatabaseUrl {
    // Kept in the order given, so the JDBC URL reads like the DATABASE_URL it came from.
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** Parses a DATABASE_URL; the message of the exception never repeats the password. */
  public static DatabaseUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL is empty");
    }
    String trimmed = text.trim();
    String rest = stripScheme(trimmed);
    URI uri;
    try {
      uri = new URI("postgresql://" + rest);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason());
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("DATABASE_URL has no host name");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isEmpty() || database.contains("/")) {
      throw new IllegalArgumentException(
          "DATABASE_URL must name one database, as in postgres://host:5432/loginbot");
    }
    Map<String, String> params = query(uri.getRawQuery());
    Optional<String> user = Optional.ofNullable(params.remove("user"));
    Optional<String> password = Optional.ofNullable(params.remove("password"));
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      user =
          Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)))
              .filter(u -> !u.isEmpty());
      password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
    }
    return new DatabaseUrl(
        uri.getHost(),
        uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
        database,
        user,
        password,
        params);
  }

  /** The URL for the PostgreSQL JDBC driver, without credentials (they go as properties). */
  public String jdbcUrl() {
    String query =
        params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return "jdbc:postgresql://"
        + hostForUrl()
        + ":"
        + port
        + "/"
        + encode(database)
        + (query.isEmpty() ? "" : "?" + query);
  }

  /** Where the database is, safe to print: {@code host:port/database}. */
  public String describe() {
    return hostForUrl() + ":" + port + "/" + database;
  }

  private String hostForUrl() {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String stripScheme(String url) {
    for (String scheme : new String[] {"jdbc:postgresql://", "postgresql://", "postgres://"}) {
      if (url.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return url.substring(scheme.length());
      }
    }
    int colon = url.indexOf(':');
    String shown = colon < 0 ? "no scheme" : url.substring(0, colon) + ":";
    throw new IllegalArgumentException(
        "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:// (got "
            + shown
            + ")");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      params.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + describe() + ", user=" + user.orElse("(default)") + "]";
  }
}
