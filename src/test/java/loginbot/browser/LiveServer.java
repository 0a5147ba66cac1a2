package loginbot.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import loginbot.App;
import loginbot.Config;

/** The whole bot, started in this JVM through the composition root, on a free port. */
final class LiveServer implements AutoCloseable {
  static final String AGENT_TOKEN = "alice-token-0123456789abcdef";

  private final App app;
  private final Path dataDir;

  private LiveServer(App app, Path dataDir) {
    this.app = app;
    this.dataDir = dataDir;
  }

  static LiveServer start(Map<String, String> extraEnv) {
    try {
      Path dataDir = Files.createTempDirectory("loginbot-it-");
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
                  "help@loginbot.test"));
      env.putAll(extraEnv);
      return new LiveServer(App.start(Config.fromEnv(env)), dataDir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  @Override
  public void close() {
    app.close();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
