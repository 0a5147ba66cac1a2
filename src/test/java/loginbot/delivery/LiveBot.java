package loginbot.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import loginbot.App;
import loginbot.Config;
import loginbot.store.Stores;
import loginbot.web.Json;

/**
 * The whole bot in this JVM, through the composition root, on a free port and a data directory the
 * test owns (so a second one can take over the same database, as after a restart); spoken to over
 * real HTTP.
 */
final class LiveBot implements AutoCloseable {
  static final String AGENT_TOKEN = "alice-token-0123456789abcdef";
  static final String SUPPORT_EMAIL = "help@loginbot.test";

  final ObjectMapper json = Json.newMapper();
  private final App app;
  private final Path dataDir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LiveBot(App app, Path dataDir) {
    this.app = app;
    this.dataDir = dataDir;
  }

  static LiveBot start(Path dataDir, Map<String, String> extraEnv) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "PORT",
                "0",
                "DATA_DIR",
                dataDir.toString(),
                "AGENT_TOKENS",
                "Alice:" + AGENT_TOKEN,
                "SUPPORT_EMAIL",
                SUPPORT_EMAIL));
    env.putAll(extraEnv);
    return new LiveBot(App.start(Config.fromEnv(env)), dataDir);
  }

  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /** POSTs JSON; {@code headers} are name, value pairs. */
  HttpResponse<String> post(String path, Object body, String... headers) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url(path)))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      body instanceof String s ? s : json.writeValueAsString(body)));
      for (int i = 0; i < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      return send(b.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  /** As the agent console does, with the agent's token. */
  HttpResponse<String> agent(String path, Object body) {
    return post(path, body, "Authorization", "Bearer " + AGENT_TOKEN);
  }

  JsonNode agentGet(String path) {
    return parse(get(path, "Authorization", "Bearer " + AGENT_TOKEN));
  }

  /** One REST message, as Rasa's REST channel takes it. */
  JsonNode rest(String sender, String message) {
    return parse(
        post(
            "/webhooks/rest/webhook",
            Map.of("sender", sender, "message", message, "metadata", Map.of("language", "en"))));
  }

  JsonNode parse(HttpResponse<String> response) {
    if (response.statusCode() >= 300) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** For event streams: the body as it arrives. */
  HttpResponse<java.io.InputStream> sendStreaming(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the outbox holds nothing more to deliver (e-mails, callbacks), as the database file
   * says: from then on nothing more can arrive for what was sent so far, so a test can check that
   * something was not delivered without sleeping through a guess of the delay.
   */
  void awaitNothingToDeliver() throws InterruptedException, SQLException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Stores.SQLITE_FILE));
        PreparedStatement pending = db.prepareStatement("SELECT count(*) FROM outbox")) {
      while (true) {
        try (ResultSet rs = pending.executeQuery()) {
          if (rs.next() && rs.getInt(1) == 0) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the outbox still holds deliveries after 30 s");
        }
        Thread.sleep(50);
      }
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
