package loginbot.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

/** The chat widget as a visitor sees it: reached through its open shadow root. */
final class WidgetPage {

  private final WebDriver driver;

  WidgetPage(WebDriver driver) {
    this.driver = driver;
  }

  WebDriver driver() {
    return driver;
  }

  SearchContext root() {
    return until(
        d -> {
          List<WebElement> hosts = d.findElements(By.id("loginbot-widget"));
          // The host stays hidden until the widget's stylesheet has loaded.
          return hosts.isEmpty() || "true".equals(hosts.get(0).getDomProperty("hidden"))
              ? null
              : hosts.get(0).getShadowRoot();
        });
  }

  WebElement find(String css) {
    return until(
        d -> {
          List<WebElement> found = root().findElements(By.cssSelector(css));
          return found.isEmpty() ? null : found.get(0);
        });
  }

  WidgetPage open() {
    WebElement launcher = find(".launcher");
    if ("false".equals(launcher.getAttribute("aria-expanded"))) {
      launcher.click();
    }
    until(d -> find(".panel").isDisplayed());
    return this;
  }

  boolean isOpen() {
    return find(".panel").isDisplayed();
  }

  /** Types a message and sends it with Enter, as a person would. */
  WidgetPage type(String text) {
    WebElement input = find("textarea");
    input.click();
    input.sendKeys(text);
    input.sendKeys(org.openqa.selenium.Keys.ENTER);
    return this;
  }

  /** Clicks the suggested reply with this title, once it is shown. */
  WidgetPage chip(String title) {
    // The log scrolls smoothly to new messages, so a chip found mid-scroll may still be under the
    // composer: retry until the click lands on the chip itself.
    until(
        d -> {
          WebElement chip =
              root().findElements(By.cssSelector(".chips .chip")).stream()
                  .filter(c -> c.getText().trim().equals(title) && c.isDisplayed())
                  .findFirst()
                  .orElse(null);
          if (chip == null) {
            return false;
          }
          try {
            chip.click();
            return true;
          } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            return false;
          }
        });
    return this;
  }

  List<String> chips() {
    return root().findElements(By.cssSelector(".chips .chip")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /**
   * Waits until a confirmed (not pending) message of this author contains the text; returns its
   * bubble.
   */
  WebElement awaitMessage(String author, String contains) {
    return until(
        d ->
            root().findElements(By.cssSelector(".log .msg." + author + " .bubble")).stream()
                .filter(b -> b.getText().contains(contains))
                .findFirst()
                .orElse(null));
  }

  List<WebElement> messages(String author) {
    return root().findElements(By.cssSelector(".log .msg." + author));
  }

  /** The header says the user waits for a person (in line, or for the team to be back). */
  boolean waiting() {
    return find(".subtitle").getAttribute("class").contains("is-waiting");
  }

  String subtitle() {
    return find(".subtitle").getText();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  Object asyncScript(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
  }

  <T> T until(ExpectedCondition<T> condition) {
    return Waits.until(driver, condition);
  }
}
