package loginbot.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium from the Debian packages, driven through the packaged chromedriver.
 * Selenium Manager never runs (the driver path is explicit), so nothing is downloaded. Missing
 * browser: the test fails when {@code CI=true}, and is skipped on a developer machine.
 */
public final class Chromium {
  static final File BROWSER =
      new File(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
  static final File DRIVER =
      new File(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

  private Chromium() {}

  /** Fails (CI) or skips (elsewhere) when the browser or its driver is not installed. */
  public static void require() {
    boolean present = BROWSER.canExecute() && DRIVER.canExecute();
    if (present) {
      return;
    }
    String message =
        "Chromium browser tests need "
            + BROWSER
            + " and "
            + DRIVER
            + " (apt-get install chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  /** A browser and its throw-away profile directory, deleted on close. */
  public record Browser(ChromeDriver driver, Path profile) implements AutoCloseable {
    @Override
    public void close() {
      try {
        driver.quit();
      } finally {
        try (var files = Files.walk(profile)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
          // a leftover temp directory is harmless
        }
      }
    }
  }

  /** A browser with a fresh profile: no storage shared with any other instance. */
  public static Browser start(int width, int height) {
    return start(width, height, false, "en-US");
  }

  /** Like {@link #start(int, int)}, with the browser's language set to {@code language}. */
  public static Browser startInLanguage(int width, int height, String language) {
    return start(width, height, false, language);
  }

  /** Like {@link #start(int, int)}, emulating a phone screen of that size (CSS pixels, touch). */
  public static Browser startPhone(int width, int height) {
    return start(width, height, true, "en-US");
  }

  private static Browser start(int width, int height, boolean phone, String language) {
    require();
    System.setProperty("SE_AVOID_STATS", "true");
    Path profile;
    try {
      profile = Files.createTempDirectory("loginbot-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-default-apps",
        "--lang=" + language,
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    if (phone) {
      options.setExperimentalOption(
          "mobileEmulation",
          java.util.Map.of(
              "deviceMetrics",
              java.util.Map.of(
                  "width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return new Browser(driver, profile);
  }
}
