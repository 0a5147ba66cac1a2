package loginbot.channel.chatwoot;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import loginbot.dialogue.Screenshot;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the files of visitors' messages from Chatwoot, and from nowhere else: the address and
 * every redirect must be on {@code CHATWOOT_BASE_URL}'s host and port, over https unless that
 * address is itself http. The bot's token goes only there. The body is read up to the size limit
 * and no further, with bounded timeouts. Never logs a file's address or content.
 */
public final class ChatwootFiles {
  private static final Logger log = LoggerFactory.getLogger(ChatwootFiles.class);
  static final int MAX_REDIRECTS = 3;

  /**
   * Chatwoot stores a message's file just after it sends the webhook ({@code Message#send_reply}
   * waits 2 s for the same reason), so a missing file is asked for again, this many times in all.
   */
  static final int ATTEMPTS = 3;

  private final OkHttpClient http;
  private final HttpUrl base;
  private final String apiToken;
  private final int maxBytes;
  private final Duration pause;

  /**
   * @param http redirects are followed here, not by the client, so each hop is checked
   * @param pause the wait before asking again for a file not there yet
   */
  public ChatwootFiles(
      OkHttpClient http, HttpUrl base, String apiToken, int maxBytes, Duration pause) {
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.base = base;
    this.apiToken = apiToken;
    this.maxBytes = maxBytes;
    this.pause = pause;
  }

  /** The client for file downloads: short connect, bounded read and total time. */
  public static OkHttpClient defaultHttpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** The bytes of a file, or why they were not fetched. */
  sealed interface Fetched {
    record Bytes(byte[] bytes) implements Fetched {}

    /** Not fetched; {@code reason} is for the log and names no address. */
    record Refused(Screenshot.Refusal why, String reason) implements Fetched {}
  }

  /**
   * Fetches {@code address} (a {@code data_url}).
   *
   * @param declaredSize Chatwoot's {@code file_size}, refused at once when over the limit
   */
  Fetched fetch(String address, Long declaredSize) {
    if (declaredSize != null && declaredSize > maxBytes) {
      return tooLarge("Chatwoot gives its size as " + declaredSize + " bytes");
    }
    HttpUrl url = address == null ? null : HttpUrl.parse(address);
    if (url == null) {
      return unavailable("its address is not an http(s) URL");
    }
    for (int attempt = 1; ; attempt++) {
      Fetched fetched = follow(url);
      boolean retry =
          fetched instanceof Fetched.Refused r
              && r.why() == Screenshot.Refusal.UNAVAILABLE
              && r.reason().startsWith("missing")
              && attempt < ATTEMPTS;
      if (!retry) {
        return fetched;
      }
      if (!sleep()) {
        return fetched;
      }
    }
  }

  private Fetched follow(HttpUrl first) {
    HttpUrl url = first;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!chatwoots(url)) {
        return unavailable(
            (hop == 0 ? "it is on " : "Chatwoot redirected it to ")
                + describe(url)
                + ", not on Chatwoot's "
                + describe(base));
      }
      Request request = new Request.Builder().url(url).header("api_access_token", apiToken).build();
      try (Response response = http.newCall(request).execute()) {
        if (response.isRedirect()) {
          String location = response.header("Location");
          HttpUrl next = location == null ? null : url.resolve(location);
          if (next == null) {
            return unavailable("a redirect without a usable Location");
          }
          url = next;
          continue;
        }
        if (response.code() == 404 || response.code() >= 500) {
          return unavailable("missing: Chatwoot answered " + response.code());
        }
        if (!response.isSuccessful()) {
          return unavailable("Chatwoot answered " + response.code());
        }
        long length = response.body().contentLength();
        if (length > maxBytes) {
          return tooLarge("its Content-Length is " + length + " bytes");
        }
        return read(response.body().byteStream());
      } catch (IOException e) {
        return unavailable("missing: " + e.getClass().getSimpleName());
      }
    }
    return unavailable("more than " + MAX_REDIRECTS + " redirects");
  }

  /** Reads at most one byte past the limit, so an endless body costs no more than that. */
  private Fetched read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      return tooLarge("its body is over " + maxBytes + " bytes");
    }
    return new Fetched.Bytes(bytes);
  }

  private boolean chatwoots(HttpUrl url) {
    // The same scheme: https when the base is, http only when Chatwoot itself is reached so.
    return url.scheme().equals(base.scheme())
        && url.host().equalsIgnoreCase(base.host())
        && url.port() == base.port();
  }

  private static String describe(HttpUrl url) {
    return url.scheme() + "://" + url.host().toLowerCase(Locale.ROOT) + ":" + url.port();
  }

  private boolean sleep() {
    try {
      Thread.sleep(pause.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Fetched tooLarge(String reason) {
    return new Fetched.Refused(Screenshot.Refusal.TOO_LARGE, "over " + maxBytes + ": " + reason);
  }

  private static Fetched unavailable(String reason) {
    return new Fetched.Refused(Screenshot.Refusal.UNAVAILABLE, reason);
  }
}
