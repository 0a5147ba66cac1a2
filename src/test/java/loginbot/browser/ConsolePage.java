package loginbot.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

/** The agent console as an agent uses it. */
final class ConsolePage {
  private final WebDriver driver;

  ConsolePage(WebDriver driver) {
    this.driver = driver;
  }

  ConsolePage signIn(String token) {
    WebElement field = until(d -> d.findElement(By.id("token")));
    field.sendKeys(token);
    field.sendKeys(Keys.ENTER);
    until(d -> d.findElement(By.id("console-view")).isDisplayed());
    return this;
  }

  /** Waits for a queue entry of this conversation and opens it. */
  ConsolePage openConversation(String id) {
    // A live update may redraw the queue between finding the entry and clicking it: try again.
    until(
        d -> {
          try {
            WebElement entry =
                d.findElements(By.cssSelector(".conv[data-id='" + id + "']")).stream()
                    .findFirst()
                    .orElse(null);
            if (entry == null) {
              return false;
            }
            entry.click();
            return true;
          } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false;
          }
        });
    until(d -> id.equals(d.findElement(By.id("detail")).getAttribute("data-id")));
    return this;
  }

  /** The Customer panel's text, once it has some. */
  String context() {
    return until(
        d -> {
          String text = d.findElement(By.id("context")).getText();
          return text.isBlank() ? null : text;
        });
  }

  List<String> queueIds() {
    return driver.findElements(By.cssSelector(".conv")).stream()
        .map(e -> e.getAttribute("data-id"))
        .toList();
  }

  String packet() {
    return until(
        d -> {
          String text = d.findElement(By.id("packet")).getText();
          return text.isBlank() ? null : text;
        });
  }

  WebElement awaitTranscriptLine(String author, String contains) {
    return until(
        d ->
            d.findElements(By.cssSelector("#transcript .line." + author + " .text")).stream()
                .filter(e -> e.getText().contains(contains))
                .findFirst()
                .orElse(null));
  }

  ConsolePage reply(String text) {
    WebElement box =
        until(
            d -> {
              WebElement e = d.findElement(By.id("reply-text"));
              return e.isEnabled() ? e : null;
            });
    box.sendKeys(text);
    driver.findElement(By.id("reply-send")).click();
    awaitTranscriptLine("agent", text);
    return this;
  }

  ConsolePage handBack() {
    click("hand-back");
    until(
        d ->
            d.findElement(By.cssSelector("#detail-meta .status"))
                .getText()
                .equalsIgnoreCase("bot"));
    return this;
  }

  /**
   * Clicks an enabled button by id. The click is part of the wait: the console re-renders its
   * buttons when the conversation changes, and a button found just before is then gone.
   */
  ConsolePage click(String id) {
    until(
        d -> {
          WebElement b = d.findElement(By.id(id));
          if (!b.isDisplayed() || !b.isEnabled()) {
            return false;
          }
          b.click();
          return true;
        });
    return this;
  }

  /** Waits until the ownership line says {@code text}. */
  ConsolePage awaitOwner(String text) {
    until(d -> d.findElement(By.id("owner")).getText().contains(text));
    return this;
  }

  Object script(String js, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
  }

  <T> T until(ExpectedCondition<T> condition) {
    return Waits.until(driver, condition);
  }
}
