package loginbot.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real loginbot server in its own JVM, started from the packaged jar ({@code
 * target/loginbot.jar}, built by {@code mvn package} before failsafe runs) with the environment a
 * test gives it.
 */
final class LoginbotProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "loginbot.jar");
  static final String AGENT_TOKEN = "it-agent-token-0123456789abcdef";

  /** Rate limits high enough that a load test measures the store, not the limiter. */
  static final Map<String, String> NO_RATE_LIMITS =
      Map.of(
          "RATE_LIMIT_PER_MINUTE",
          "1000000",
          "RATE_LIMIT_BURST",
          "1000000",
          "RATE_LIMIT_IP_PER_MINUTE",
          "1000000",
          "RATE_LIMIT_IP_BURST",
          "1000000",
          "RATE_LIMIT_USER_PER_MINUTE",
          "1000000",
          "RATE_LIMIT_USER_BURST",
          "1000000");

  private final Process process;
  private final int port;
  private final Path log;

  private LoginbotProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts a server and waits until {@code /health} answers; fails with the server's log if it
   * dies.
   */
  static LoginbotProcess start(String name, Map<String, String> env) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR + " is missing: run `mvn package` (or `mvn verify`) first");
    }
    int port = freePort();
    Path log = Path.of("target", "it-logs", name + "-" + port + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(readmeCommand()).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.equals("DATABASE_URL") || k.equals("DATA_DIR"));
    environment.putAll(NO_RATE_LIMITS);
    environment.put("AGENT_TOKEN", AGENT_TOKEN);
    environment.put("PORT", Integer.toString(port));
    environment.putAll(env);
    LoginbotProcess started = new LoginbotProcess(builder.start(), port, log);
    started.awaitHealthy();
    return started;
  }

  /** How a server that stopped by itself ended: its exit code and everything it printed. */
  record Exit(int code, String output) {}

  /** Runs a server that is expected to stop by itself (a start-up failure), at most 90 s. */
  static Exit runToExit(Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(readmeCommand()).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("PORT", Integer.toString(freePort()));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("loginbot did not stop within 90 s:\n" + output);
    }
    return new Exit(process.exitValue(), output);
  }

  /**
   * The README's run command, read from its first line, so these processes run exactly as users run
   * the bot: with the class-data archive the package step records, which also spares each start
   * about a second and a half of CPU on a two-core machine.
   */
  private static List<String> readmeCommand() throws IOException {
    Matcher command =
        Pattern.compile("&& java (.+?) -jar target/loginbot\\.jar")
            .matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
    if (!command.find()) {
      throw new IllegalStateException("README.md has no 'java ... -jar target/loginbot.jar'");
    }
    List<String> line = new ArrayList<>();
    line.add(ProcessHandle.current().info().command().orElse("java"));
    line.addAll(List.of(command.group(1).trim().split("\\s+")));
    line.addAll(List.of("-jar", JAR.toString()));
    return line;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** kill -9: no shutdown hook, no graceful drain. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void awaitHealthy() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(base().resolve("/health")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "loginbot exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    process.destroyForcibly();
    throw new IllegalStateException("loginbot did not become healthy within 90 s:\n" + logTail());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(15, TimeUnit.SECONDS);
    }
  }
}
