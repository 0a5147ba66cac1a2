package loginbot.browser;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The one way the browser tests wait for what a page shows. */
final class Waits {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  // Selenium sleeps half a second between two checks by default: with a few dozen waits a flow,
  // that sleep was most of the browser tests' time. A check is one short WebDriver call.
  private static final Duration BETWEEN_CHECKS = Duration.ofMillis(50);

  private Waits() {}

  /**
   * Checks {@code condition} until it returns neither null nor false, for at most {@link
   * #PATIENCE}; an element replaced by a re-render meanwhile is checked again.
   */
  static <T> T until(WebDriver driver, Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE, BETWEEN_CHECKS)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }
}
