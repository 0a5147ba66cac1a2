package loginbot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * The analytics page over real conversations of the running bot, reached from the agent console.
 */
class AnalyticsPageIT {
  static LiveServer server;

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    server = LiveServer.start(Map.of());
    // A resolved chat with feedback, two handoffs (one answered and closed by Alice), and a
    // message the bot cannot place.
    say(
        "happy",
        "customer",
        "hi",
        "/case invalid_credentials",
        "no",
        "yes it worked, thanks",
        "/yes",
        "/rate 4");
    say("stuck", "customer", "I want to talk to a person");
    say("lost", "customer", "what is the weather like in Montreal");
    say("helped", "customer", "I want to talk to a person");
    assertThat(agent("/api/conversations/helped/messages", "{\"text\":\"Hello, Alice here.\"}"))
        .isEqualTo(201);
    assertThat(agent("/api/conversations/helped/close", "")).isEqualTo(200);
  }

  private static int agent(String path, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Authorization", "Bearer " + LiveServer.AGENT_TOKEN)
                .header("Content-Type", "application/json")
                .POST(
                    json.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static void say(String sender, String role, String... messages) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (String m : messages) {
      String body =
          "{\"sender\":\""
              + sender
              + "\",\"message\":\""
              + m
              + "\",\"metadata\":{\"role\":\""
              + role
              + "\"}}";
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(server.url("/webhooks/rest/webhook")))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void an_agent_goes_from_the_console_to_the_figures_of_the_week() {
    try (Chromium.Browser agent = Chromium.start(1280, 1100)) {
      WebDriver driver = agent.driver();
      driver.get(server.url("/agent"));
      new ConsolePage(driver).signIn(LiveServer.AGENT_TOKEN);

      until(driver, d -> d.findElement(By.linkText("Analytics"))).click();
      until(driver, d -> "4".equals(d.findElement(By.id("kpi-chats")).getText()) ? true : null);

      assertThat(driver.getCurrentUrl()).endsWith("/agent/analytics");
      assertThat(driver.findElement(By.id("kpi-resolved")).getText()).isEqualTo("25%");
      assertThat(driver.findElement(By.id("kpi-handoff")).getText()).isEqualTo("50%");
      assertThat(driver.findElement(By.id("kpi-helpful")).getText()).isEqualTo("100%");
      assertThat(driver.findElement(By.id("kpi-rating")).getText()).isEqualTo("4.0 / 5");
      assertThat(driver.findElement(By.id("reasons")).getText()).contains("Asked for a person");
      assertThat(driver.findElement(By.id("cases")).getText()).contains("Invalid credentials");
      assertThat(driver.findElement(By.id("not-understood")).getText())
          .contains("what is the weather like in Montreal");
      assertThat(driver.findElement(By.id("agents")).getText()).contains("Alice");
      assertThat(driver.findElement(By.id("kpi-first-reply-n")).getText())
          .isEqualTo("median over 1 answered chat");
      assertThat(driver.findElement(By.id("kpi-handling-n")).getText())
          .isEqualTo("median over 1 closed chat");
      Screenshots.save(driver, "analytics");
    }
  }

  @Test
  void the_trends_draw_one_bar_per_day_of_the_period_and_today_carries_the_chats() {
    try (Chromium.Browser agent = Chromium.start(1280, 1100)) {
      WebDriver driver = agent.driver();
      driver.get(server.url("/agent/analytics"));
      driver.findElement(By.id("token")).sendKeys(LiveServer.AGENT_TOKEN);
      driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
      until(driver, d -> "4".equals(d.findElement(By.id("kpi-chats")).getText()) ? true : null);

      for (String chart : List.of("trend-resolved", "trend-handoff", "trend-helpful")) {
        List<WebElement> bars = driver.findElements(By.cssSelector("#" + chart + " svg rect.bar"));
        List<WebElement> drawn =
            driver.findElements(By.cssSelector("#" + chart + " svg rect.bar:not(.empty)"));
        assertThat(bars).as(chart).hasSize(7);
        assertThat(drawn).as(chart).hasSize(1);
        assertThat(drawn.get(0).getAttribute("data-date"))
            .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
      }
      String today =
          driver
              .findElement(By.cssSelector("#trend-handoff rect.bar:not(.empty) title"))
              .getAttribute("textContent");
      assertThat(today).endsWith(": 50%, 2 of 4 chats");

      driver.findElement(By.cssSelector(".quick button[data-days='30']")).click();
      until(
          driver,
          d ->
              d.findElements(By.cssSelector("#trend-resolved rect.bar")).size() == 30
                  ? true
                  : null);
    }
  }

  @Test
  void without_a_token_the_page_asks_for_one_and_shows_no_figures() {
    try (Chromium.Browser visitor = Chromium.start(1280, 860)) {
      WebDriver driver = visitor.driver();
      driver.get(server.url("/agent/analytics"));

      until(driver, d -> d.findElement(By.id("sign-in-view")).isDisplayed() ? true : null);
      assertThat(driver.findElement(By.id("report-view")).isDisplayed()).isFalse();
      driver.findElement(By.id("token")).sendKeys("not-a-real-token-at-all");
      driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
      until(
          driver,
          d ->
              d.findElement(By.id("sign-in-error")).getText().contains("not accepted")
                  ? true
                  : null);
      assertThat(driver.findElement(By.id("kpi-chats")).getAttribute("textContent")).isEqualTo("–");
    }
  }

  private static <T> T until(WebDriver driver, ExpectedCondition<T> condition) {
    return Waits.until(driver, condition);
  }
}
