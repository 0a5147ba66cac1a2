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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import loginbot.web.Json;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The real scalableminds Chatroom client (npm {@code @scalableminds/chatroom}, the web client Rasa
 * users put on their sites) on a page of another origin, talking to the bot's REST channel as it
 * talks to Rasa: a whole conversation, with buttons, ending in a handoff; then the agent's reply
 * reaches Chatroom through the REST callback, relayed by the site's own server.
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

  static final String CALLBACK_SECRET = "acme-callback-secret-0123456789";

  @Test
  void chatroom_on_another_site_walks_a_case_with_buttons_to_a_handoff_and_gets_the_agents_reply()
      throws Exception {
    Chromium.require();
    requireChatroom();
    String[] botUrl = new String[1];
    // The site's own server receives the bot's REST callbacks (real HTTP, signature checked) and
    // relays them to its page, which hands them to Chatroom as Rasa sites do.
    Map<String, List<String>> inbox = new ConcurrentHashMap<>();
    List<String> refused = new CopyOnWriteArrayList<>();
    Javalin site =
        Javalin.create(
                cfg -> {
                  cfg.routes.get("/", ctx -> ctx.html(page(botUrl[0])));
                  cfg.routes.post(
                      "/bot/callback",
                      ctx -> {
                        String expected =
                            hmac(ctx.header("X-Loginbot-Timestamp") + "." + ctx.body());
                        if (!expected.equals(ctx.header("X-Loginbot-Signature"))) {
                          refused.add(ctx.body());
                          ctx.status(401);
                          return;
                        }
                        String recipient =
                            Json.newMapper().readTree(ctx.body()).get("recipient_id").asText();
                        inbox
                            .computeIfAbsent(recipient, k -> new CopyOnWriteArrayList<>())
                            .add(ctx.body());
                        ctx.status(204);
                      });
                  cfg.routes.get(
                      "/bot/inbox/{recipient}",
                      ctx -> {
                        List<String> waiting =
                            inbox.getOrDefault(ctx.pathParam("recipient"), List.of());
                        List<String> taken = new ArrayList<>(waiting);
                        waiting.removeAll(taken);
                        ctx.contentType("application/json")
                            .result("[" + String.join(",", taken) + "]");
                      });
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
    try (LiveServer bot =
            LiveServer.start(
                Map.of(
                    "ALLOWED_ORIGINS",
                    siteOrigin,
                    "REST_CALLBACK_URL",
                    siteOrigin + "/bot/callback",
                    "REST_CALLBACK_SECRET",
                    CALLBACK_SECRET));
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

      // when: Alice answers from the agent console's API
      String reply = "Hi, Alice from support here. I have unlocked your account, try again now.";
      HttpResponse<String> sent =
          agentPost(
              bot,
              "/api/conversations/" + queue.get(0).get("id").asText() + "/messages",
              "{\"text\":\"" + reply + "\"}");
      assertThat(sent.statusCode()).isEqualTo(201);

      // then: the bot POSTs it to the site's callback, and Chatroom shows it
      awaitBotText(driver, reply);
      Screenshots.save(driver, "chatroom-agent-reply");
      assertThat(refused).isEmpty();
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
        + "chatroom.openChat();"
        // The site's relay: what the bot POSTed to the site's callback, into Chatroom.
        + "setInterval(function(){"
        + "var id = sessionStorage.getItem('simple-chatroom-cid');"
        + "fetch('/bot/inbox/' + encodeURIComponent(id)).then(function(r){return r.json();})"
        + ".then(function(m){ if (m.length) { chatroom.ref.parseMessages(m); } });"
        + "}, 500);"
        + "</script></body></html>";
  }

  /** The signature the site expects: sha256= hex HMAC-SHA256(secret, timestamp + "." + body). */
  private static String hmac(String signed) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            CALLBACK_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256="
        + java.util.HexFormat.of()
            .formatHex(mac.doFinal(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> agentPost(LiveServer bot, String path, String body)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(bot.url(path)))
                .header("Authorization", "Bearer " + LiveServer.AGENT_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
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
    return Waits.until(driver, condition);
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
