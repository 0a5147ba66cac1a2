package loginbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A fixed set of files from the classpath (pages, scripts, styles), read once at start-up so a
 * missing file fails the start, served with an ETag so browsers revalidate cheaply.
 */
public final class ClasspathAssets implements Routes {
  private final Map<String, Asset> byPath = new LinkedHashMap<>();

  private record Asset(byte[] body, String contentType, String etag) {}

  /**
   * @param resourceByPath URL path → classpath resource name, e.g. "/widget.js" →
   *     "public/widget.js"; several resources separated by spaces are served as one, joined in that
   *     order (so the widget stays one script while sharing a file with the console)
   */
  public ClasspathAssets(Map<String, String> resourceByPath) {
    this(resourceByPath, Map.of());
  }

  /**
   * @param filters URL path → what to do to that text before it is served (and hashed), e.g. put
   *     the interface strings into a script (see {@link ScriptData})
   */
  public ClasspathAssets(
      Map<String, String> resourceByPath, Map<String, UnaryOperator<String>> filters) {
    resourceByPath.forEach((path, resource) -> byPath.put(path, load(resource, filters.get(path))));
  }

  @Override
  public void addTo(RoutesConfig routes) {
    byPath.forEach((path, asset) -> routes.get(path, ctx -> serve(ctx, asset)));
  }

  private static void serve(Context ctx, Asset asset) {
    ctx.header("ETag", asset.etag());
    ctx.header("Cache-Control", "no-cache");
    if (asset.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(asset.contentType()).result(asset.body());
  }

  private static Asset load(String resources, UnaryOperator<String> filter) {
    String[] names = resources.split(" ");
    var joined = new java.io.ByteArrayOutputStream();
    for (String name : names) {
      joined.writeBytes(read(name));
      joined.write('\n');
    }
    String resource = names[names.length - 1];
    try {
      byte[] body = names.length == 1 ? read(resource) : joined.toByteArray();
      if (filter != null) {
        body =
            filter.apply(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      String etag = "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
      return new Asset(body, contentType(resource), etag);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = ClasspathAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static String contentType(String resource) {
    String name = resource.toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    } else if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    } else if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (name.endsWith(".svg")) {
      return "image/svg+xml";
    } else if (name.endsWith(".png")) {
      return "image/png";
    }
    throw new IllegalArgumentException("no content type known for " + resource);
  }
}
