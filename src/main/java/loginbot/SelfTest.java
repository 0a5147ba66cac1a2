package loginbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code selftest}: starts the whole bot on a temporary embedded store and a free port, talks to it
 * over HTTP the way its channels and its agents do, restarts it on the same store, and checks every
 * answer. It reads no environment variable, so it never touches a configured database. The build
 * runs it once to record the class-data archive ({@code target/loginbot.jsa}) that later starts map
 * instead of loading and verifying the same classes again.
 */
final class SelfTest {
  private static final String AGENT_TOKEN = "selftest-agent-token-0123456789";

  private final ObjectMapper json = new ObjectMapper();
  private int checks;

  private SelfTest() {}

  /** Exit code 0 when every check passed, 1 with the failed check on {@code err} otherwise. */
  static int run(PrintStream out, PrintStream err) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("loginbot-selftest-");
    } catch (IOException e) {
      err.println("selftest: cannot create a temporary directory: " + e.getMessage());
      return 1;
    }
    Map<String, String> env =
        Map.of(
            "PORT",
            "0",
            "DATA_DIR",
            dataDir.toString(),
            "AGENT_TOKEN",
            AGENT_TOKEN,
            "SUPPORT_EMAIL",
            "selftest@example.invalid");
    SelfTest test = new SelfTest();
    try {
      // A new store (a copy of the jar's empty database), then a restart on it, as in production.
      for (String round : List.of("first-start", "restart")) {
        try (App app = App.start(Config.fromEnv(env))) {
          test.exercise("http://127.0.0.1:" + app.port(), round);
        }
      }
      out.println("selftest: ok (" + test.checks + " checks, started twice)");
      return 0;
    } catch (Failure | IOException e) {
      err.println("selftest: " + e.getMessage());
      return 1;
    } finally {
      delete(dataDir);
    }
  }

  private void exercise(String base, String round) throws IOException {
    get(base + "/health", 200);
    get(base + "/ready", 200);
    get(base + "/", 200);
    get(base + "/widget.js", 200);
    get(base + "/agent", 200);
    get(base + "/metrics", 200);
    String sender = "selftest-" + round;
    for (String message : List.of("hi", "I forgot my password", "/no")) {
      JsonNode replies =
          post(
              base + "/webhooks/rest/webhook",
              Map.of("sender", sender, "message", message, "metadata", Map.of("language", "en")),
              Map.of());
      expect(
          replies.isArray() && replies.size() > 0 && replies.get(0).hasNonNull("text"),
          "REST: no reply to '" + message + "': " + replies);
    }
    JsonNode widget = post(base + "/widget/conversations", Map.of(), Map.of());
    String id = widget.path("id").asText();
    JsonNode answer =
        post(
            base + "/widget/conversations/" + id + "/messages",
            Map.of("text", "bonjour, je ne peux pas me connecter"),
            Map.of("X-Widget-Token", widget.path("token").asText()));
    expect(answer.path("replies").size() > 0, "widget: no reply: " + answer);
    JsonNode queue = getJson(base + "/api/conversations", Map.of("Authorization", bearer()));
    expect(queue != null, "agent API: no queue");
  }

  private void get(String url, int status) throws IOException {
    HttpURLConnection c = open(url, "GET", Map.of());
    expect(c.getResponseCode() == status, "GET " + url + " answered " + c.getResponseCode());
    drain(c);
  }

  private JsonNode getJson(String url, Map<String, String> headers) throws IOException {
    HttpURLConnection c = open(url, "GET", headers);
    expect(c.getResponseCode() == 200, "GET " + url + " answered " + c.getResponseCode());
    try (InputStream in = c.getInputStream()) {
      return json.readTree(in);
    }
  }

  private JsonNode post(String url, Object body, Map<String, String> headers) throws IOException {
    HttpURLConnection c = open(url, "POST", headers);
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = c.getOutputStream()) {
      out.write(json.writeValueAsBytes(body));
    }
    int status = c.getResponseCode();
    expect(status == 200 || status == 201, "POST " + url + " answered " + status);
    try (InputStream in = c.getInputStream()) {
      return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static HttpURLConnection open(String url, String method, Map<String, String> headers)
      throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setRequestMethod(method);
    c.setConnectTimeout(5000);
    c.setReadTimeout(30_000);
    headers.forEach(c::setRequestProperty);
    return c;
  }

  private static void drain(HttpURLConnection c) throws IOException {
    try (InputStream in = c.getInputStream()) {
      in.readAllBytes();
    }
  }

  private void expect(boolean condition, String failure) {
    if (!condition) {
      throw new Failure(failure);
    }
    checks++;
  }

  private static String bearer() {
    return "Bearer " + AGENT_TOKEN;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary directory is harmless
    }
  }

  /** A check that did not hold. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }
}
