package loginbot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loginbot.web.Json;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real scalableminds Chatroom client (npm {@code @scalableminds/chatroom}, the web client Rasa
 * users put on their sites) on a page of another origin, talking to the bot's REST channel as it
 * talks to Rasa: a whole conversation, with buttons, ending in a handoff.
 */
class ChatroomIT {
  static final Path DIST = Path.of("src/test/js/node_modules/@scalableminds/chatroom/dist");

  /** Fails (CI) or skips (elsewhere) when {@code npm ci} has not installed the client. */
  static void requireChatroom() {
    if (Files.isRegularFile(DIST.resolve("Chatroom.js"))) {
      return;
    }
    String message =
        "the Chatroom test needs the npm client: npm ci --prefix src/test/js (.ci/run does it)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  @Test
  void chatroom_on_another_site_walks_a_case_with_buttons_to_a_handoff() throws Exception {
    Chromium.require();
    requireChatroom();
    String[] botUrl = new String[1];
    Javalin site =
        Javalin.create(
                cfg -> {
                  cfg.routes.get("/", ctx -> ctx.html(page(botUrl[0])));
                  cfg.routes.get(
                      "/chatroom/{file}",
                      ctx -> {
                        String file = ctx.pathParam("file");
                        if (!List.of("Chatroom.js", "Chatroom.css").contains(file)) {
                          ctx.status(404);
                          return;
                        }
                        ctx.contentType(file.endsWith(".js") ? "text/javascript" : "text/css")
                            .result(Files.readAllBytes(DIST.resolve(file)));
                      });
                })
            .start("127.0.0.1", 0);
    // another origin than the bot's: another host name and another port
    String siteOrigin = "http://localhost:" + site.port();
    try (LiveServer bot = LiveServer.start(Map.of("ALLOWED_ORIGINS", siteOrigin));
        Chromium.Browser browser = Chromium.start(900, 1000)) {
      botUrl[0] = bot.url("");
      WebDriver driver = browser.driver();
      driver.get(siteOrigin + "/");
      assertThat(URI.create(driver.getCurrentUrl()).getPort())
          .isNotEqualTo(URI.create(botUrl[0]).getPort());

      WebElement input =
          until(driver, d -> d.findElement(By.cssSelector(".chatroom input[type=text]")));
      // First person, one's own account: a customer, so no role question.
      input.sendKeys("I can't log in, it says invalid user or password", Keys.ENTER);
      awaitBotText(driver, "Invalid User / password");
      awaitBotText(driver, "Did that work?");
      Screenshots.save(driver, "chatroom-first-step");

      // "No" to every step, with the buttons the bot sent, until a person takes over
      for (int step = 0; step < 8 && !botSaid(driver, "passing you to a person"); step++) {
        clickLast(driver, "No");
      }

      awaitBotText(driver, "passing you to a person");
      Screenshots.save(driver, "chatroom-handoff");
      JsonNode queue = agentQueue(bot);
      assertThat(queue).isNotEmpty();
      assertThat(queue.get(0).get("id").asText()).startsWith("rest:");
      assertThat(queue.get(0).get("channel").asText()).isEqualTo("rest");
      assertThat(queue.get(0).get("status").asText()).isEqualTo("handoff");
      assertThat(queue.get(0).get("handoff").get("reason").asText()).isEqualTo("STEPS_EXHAUSTED");
    } finally {
      site.stop();
    }
  }

  /** Someone else's site with Chatroom embedded as its README says, pointed at the bot. */
  private static String page(String botUrl) {
    return "<!doctype html><html lang=en><head><meta charset=utf-8><title>Acme help</title>"
        + "<link rel=stylesheet href=\"/chatroom/Chatroom.css\">"
        + "<style>body{font-family:sans-serif;margin:24px}.chat-container{width:420px}</style>"
        + "</head><body><h1>Acme app: help</h1><div class=\"chat-container\"></div>"
        + "<script src=\"/chatroom/Chatroom.js\"></script><script>"
        + "var chatroom = new window.Chatroom({host: \""
        + botUrl
        + "\", title: \"Login help\", container: document.querySelector('.chat-container'),"
        + " welcomeMessage: \"Hi, tell me what happens when you log in.\"});"
        + "chatroom.openChat();</script></body></html>";
  }

  /** Clicks a button of the bot's last message, then waits for the bot's answer to show. */
  private static void clickLast(WebDriver driver, String title) {
    int before =
        until(
            driver,
            d -> {
              List<WebElement> groups = d.findElements(By.cssSelector(".chat-buttons"));
              if (groups.isEmpty() || !d.findElements(By.cssSelector(".chat.waiting")).isEmpty()) {
                return null;
              }
              for (WebElement button :
                  groups.get(groups.size() - 1).findElements(By.cssSelector(".chat-button"))) {
                if (button.getText().trim().equals(title)
                    && !button.getAttribute("class").contains("disabled")) {
                  int shown = d.findElements(By.cssSelector(".chat.left")).size();
                  button.click();
                  return shown;
                }
              }
              return null;
            });
    // Chatroom shows the bot's messages one by one; wait until they all are
    until(
        driver,
        d ->
            (d.findElements(By.cssSelector(".chat.left")).size() > before
                    && d.findElements(By.cssSelector(".chat.waiting")).isEmpty())
                ? Boolean.TRUE
                : null);
  }

  private static boolean botSaid(WebDriver driver, String text) {
    return driver.findElements(By.cssSelector(".chat.left")).stream()
        .anyMatch(e -> e.getText().contains(text));
  }

  private static void awaitBotText(WebDriver driver, String text) {
    try {
      until(driver, d -> botSaid(d, text) ? Boolean.TRUE : null);
    } catch (org.openqa.selenium.TimeoutException e) {
      Screenshots.save(driver, "chatroom-failed");
      throw new AssertionError(
          "the bot never said \""
              + text
              + "\"; the page shows:\n"
              + driver.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  private static <T> T until(
      WebDriver driver, java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
  }

  private static JsonNode agentQueue(LiveServer bot) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(bot.url("/api/conversations")))
                    .header("Authorization", "Bearer " + LiveServer.AGENT_TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.newMapper().readTree(response.body());
  }
}
