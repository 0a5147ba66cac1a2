package loginbot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import loginbot.attachment.LoginScreens;
import loginbot.attachment.Tesseract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The widget on a 390×844 phone and on a desktop, as customers and professionals use it: a
 * screenshot of the error, the closed state with its rating, the greeting per role, a lost network,
 * a refused stream, and axe-core on every page.
 */
class WidgetPhoneIT {
  static LiveServer server;
  static Javalin site;
  static String siteOrigin;

  @BeforeAll
  static void start() {
    Chromium.require();
    Tesseract.require();
    site =
        Javalin.create(
                cfg ->
                    cfg.routes.get(
                        "/",
                        ctx ->
                            ctx.html(
                                page(
                                    server.url(""),
                                    ctx.queryParam("role"),
                                    ctx.queryParam("lang")))))
            .start("127.0.0.1", 0);
    siteOrigin = "http://localhost:" + site.port();
    server = LiveServer.start(Map.of("ALLOWED_ORIGINS", siteOrigin));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (site != null) {
      site.stop();
    }
  }

  /** A page of the customer's site embedding the widget with one tag. */
  static String page(String bot, String role, String lang) {
    return "<!doctype html><html lang=en><head><meta charset=utf-8>"
        + "<meta name=viewport content='width=device-width, initial-scale=1'><title>App</title></head>"
        + "<body><main><h1>My app</h1></main><script src=\""
        + bot
        + "/widget.js\""
        + (role == null ? "" : " data-role=\"" + role + "\"")
        + (lang == null ? "" : " data-lang=\"" + lang + "\"")
        + " async></script></body></html>";
  }

  @Test
  void a_french_customer_sends_a_screenshot_on_the_phone_and_the_agent_sees_it() throws Exception {
    Path screen = Files.createTempFile("compte-desactive", ".png");
    Files.write(
        screen,
        LoginScreens.png(
            LoginScreens.draw(
                "Compte désactivé", LoginScreens.Look.plain("DejaVu Sans", 32, true))));
    try (Chromium.Browser phone = Chromium.startPhone(390, 844);
        Chromium.Browser agent = Chromium.start(1280, 900)) {
      phone.driver().get(siteOrigin + "/?role=customer&lang=fr");
      WidgetPage widget = new WidgetPage(phone.driver()).open();

      widget.find("input[type=file]").sendKeys(screen.toString());

      widget.awaitMessage("bot", "Votre écran affiche « Compte désactivé »");
      widget.awaitMessage("bot", "fusion de deux comptes");
      widget.until(
          d ->
              ((Number)
                          widget.script(
                              "return arguments[0].naturalWidth", widget.find(".msg.user img")))
                      .intValue()
                  == 750);
      assertThat(widget.find(".panel").getAttribute("lang")).isEqualTo("fr");
      assertThat(widget.find("textarea").getAttribute("placeholder"))
          .isEqualTo("Écrivez votre message…");
      Screenshots.save(phone.driver(), "widget-phone-screenshot-fr");
      widget.chip("Oui"); // "Would you like me to pass you to our support team now?"
      widget.until(d -> widget.waiting());
      String id = WidgetAndConsoleIT.conversationId(phone.driver());

      agent.driver().get(server.url("/agent"));
      ConsolePage console = new ConsolePage(agent.driver()).signIn(LiveServer.AGENT_TOKEN);
      console.openConversation(id);
      assertThat(console.packet()).containsIgnoringCase("Screenshot");
      console.until(
          d ->
              d.findElements(By.cssSelector("#transcript img.shot")).stream()
                  .anyMatch(
                      i ->
                          ((Number) console.script("return arguments[0].naturalWidth", i))
                                  .intValue()
                              == 750));
      console.script("document.getElementById('detail').scrollTop = 0; window.scrollTo(0, 0);");
      Screenshots.save(agent.driver(), "console-screenshot");
    } finally {
      Files.deleteIfExists(screen);
    }
  }

  @Test
  void an_english_account_disabled_screen_starts_that_case_on_the_desktop() throws Exception {
    Path screen = Files.createTempFile("account-disabled", ".png");
    Files.write(
        screen,
        LoginScreens.png(
            LoginScreens.draw(
                "Account disabled", LoginScreens.Look.plain("Liberation Sans", 28, false))));
    try (Chromium.Browser desktop = Chromium.start(1280, 860)) {
      desktop.driver().get(siteOrigin + "/?role=professional");
      WidgetPage widget = new WidgetPage(desktop.driver()).open();

      widget.find("input[type=file]").sendKeys(screen.toString());

      widget.awaitMessage("bot", "Your screen shows « Account disabled »");
      widget.awaitMessage("bot", "check if access to the client app has been revoked");
      Screenshots.save(desktop.driver(), "widget-desktop-screenshot-en");
    } finally {
      Files.deleteIfExists(screen);
    }
  }

  @Test
  void a_professional_is_greeted_as_a_professional_with_case_buttons() {
    try (Chromium.Browser desktop = Chromium.start(1280, 860)) {
      desktop.driver().get(siteOrigin + "/?role=professional");
      WidgetPage widget = new WidgetPage(desktop.driver()).open();

      WebElement greeting = widget.awaitMessage("bot", "client");

      assertThat(greeting.getText()).contains("get a client back into their account");
      assertThat(widget.chips())
          .contains("I need a temporary password", "Account disabled", "Talk to a person")
          .doesNotContain("I forgot my password");
      widget.chip("I need a temporary password");
      widget.awaitMessage("bot", "Resend invitation");
      Screenshots.save(desktop.driver(), "widget-professional");
    }
  }

  @Test
  void on_the_phone_a_closed_chat_shows_its_rating_above_a_disabled_input() throws Exception {
    try (Chromium.Browser phone = Chromium.startPhone(390, 844)) {
      phone.driver().get(siteOrigin + "/?lang=fr");
      WidgetPage widget = new WidgetPage(phone.driver()).open();
      widget.type("Je veux parler à une personne");
      widget.until(d -> widget.waiting());
      String id = WidgetAndConsoleIT.conversationId(phone.driver());

      assertThat(agent("POST", "/api/conversations/" + id + "/close").statusCode()).isEqualTo(200);

      widget.until(d -> widget.find(".closed").isDisplayed());
      widget.until(d -> widget.root().findElements(By.cssSelector(".closed .chip")).size() == 5);
      WebElement four =
          widget.root().findElements(By.cssSelector(".closed .chip")).stream()
              .filter(c -> c.getText().equals("4"))
              .findFirst()
              .orElseThrow();
      Number bottom =
          (Number) widget.script("return arguments[0].getBoundingClientRect().bottom", four);
      Number height =
          (Number) widget.script("return arguments[0].getBoundingClientRect().height", four);
      assertThat(bottom.doubleValue()).isLessThanOrEqualTo(844);
      assertThat(height.doubleValue()).isGreaterThanOrEqualTo(44);
      assertThat(widget.find("textarea").isEnabled()).isFalse();
      assertThat(widget.find(".subtitle").getAttribute("class")).contains("is-closed");
      assertThat(
              widget.script(
                  "return getComputedStyle(arguments[0]).backgroundColor",
                  widget.find(".subtitle")))
          .isEqualTo("rgba(0, 0, 0, 0)");
      Screenshots.save(phone.driver(), "widget-phone-closed-fr");
      four.click();
      widget.awaitMessage("bot", "Merci pour vos commentaires");
    }
  }

  @Test
  void phone_ergonomics_sixteen_pixel_input_44_pixel_buttons_no_keyboard_after_a_tap() {
    try (Chromium.Browser phone = Chromium.startPhone(390, 844)) {
      phone.driver().get(siteOrigin + "/?role=customer");
      WidgetPage widget = new WidgetPage(phone.driver()).open();
      widget.awaitMessage("bot", "Hi");

      assertThat(
              widget.script(
                  "return getComputedStyle(arguments[0]).fontSize", widget.find("textarea")))
          .isEqualTo("16px");
      for (WebElement b :
          widget.root().findElements(By.cssSelector(".chip, .send, .attach, .close"))) {
        Number h = (Number) widget.script("return arguments[0].getBoundingClientRect().height", b);
        assertThat(h.doubleValue()).as(b.getText()).isGreaterThanOrEqualTo(44);
      }
      widget.chip("Invalid user / password");
      widget.awaitMessage("bot", "Did that work?");
      Object focused =
          widget.script(
              "return arguments[0].shadowRoot.activeElement && arguments[0].shadowRoot.activeElement.id",
              phone.driver().findElement(By.id("loginbot-widget")));
      assertThat(focused).isNotEqualTo("lb-input");
      assertThat(widget.find(".panel").getAttribute("aria-modal")).isEqualTo("true");
    }
  }

  @Test
  void a_message_typed_offline_is_sent_by_itself_when_the_network_is_back() throws Exception {
    try (Chromium.Browser desktop = Chromium.start(1280, 860)) {
      desktop.driver().get(siteOrigin + "/?role=customer");
      WidgetPage widget = new WidgetPage(desktop.driver()).open();
      widget.type("hello");
      widget.awaitMessage("user", "hello");
      String id = WidgetAndConsoleIT.conversationId(desktop.driver());
      ChromiumNetworkConditions off = new ChromiumNetworkConditions();
      off.setOffline(true);

      desktop.driver().setNetworkConditions(off);
      widget.script("window.dispatchEvent(new Event('offline'))");
      widget.type("I forgot my password");
      widget.until(d -> widget.find(".offline").isDisplayed());
      Screenshots.save(desktop.driver(), "widget-offline");
      desktop.driver().deleteNetworkConditions();
      widget.script("window.dispatchEvent(new Event('online'))");

      widget.awaitMessage("user", "I forgot my password");
      widget.until(d -> !widget.find(".offline").isDisplayed());
      HttpResponse<String> transcript = agent("GET", "/api/conversations/" + id);
      assertThat(
              transcript
                  .body()
                  .split("\"author\":\"USER\",\"name\":null,\"text\":\"I forgot my password\"", -1))
          .hasSize(2); // sent once, although tried while offline
    }
  }

  @Test
  void a_refused_event_stream_falls_back_to_polling_and_agent_replies_still_arrive()
      throws Exception {
    try (LiveServer noStreams = LiveServer.start(Map.of("WIDGET_MAX_STREAMS", "0"));
        Chromium.Browser desktop = Chromium.start(1280, 860)) {
      desktop.driver().get(noStreams.url("/"));
      WidgetPage widget = new WidgetPage(desktop.driver()).open();
      widget.chip("Talk to a person");
      widget.until(d -> widget.waiting());
      String id = WidgetAndConsoleIT.conversationId(desktop.driver());

      HttpResponse<String> reply =
          send(
              noStreams,
              HttpRequest.newBuilder(
                      URI.create(noStreams.url("/api/conversations/" + id + "/messages")))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Hello, Alice here.\"}")));

      assertThat(reply.statusCode()).isEqualTo(201);
      widget.awaitMessage("agent", "Hello, Alice here.");
    }
  }

  @Test
  void axe_finds_nothing_serious_on_the_demo_page_the_open_widget_the_console_and_analytics() {
    try (Chromium.Browser desktop = Chromium.start(1280, 900)) {
      WebDriver driver = desktop.driver();
      driver.get(server.url("/"));
      new WidgetPage(driver).find(".launcher");
      assertThat(Axe.seriousViolations(driver)).as("/").isEmpty();
      WidgetPage widget = new WidgetPage(driver).open();
      widget.awaitMessage("bot", "Hi");
      assertThat(Axe.seriousViolations(driver)).as("open widget").isEmpty();
      driver.get(server.url("/agent"));
      assertThat(Axe.seriousViolations(driver)).as("/agent").isEmpty();
      new ConsolePage(driver).signIn(LiveServer.AGENT_TOKEN);
      assertThat(Axe.seriousViolations(driver)).as("/agent signed in").isEmpty();
      driver.get(server.url("/agent/analytics"));
      new WidgetPage(driver).until(d -> d.findElement(By.id("report-view")).isDisplayed());
      assertThat(Axe.seriousViolations(driver)).as("/agent/analytics").isEmpty();
    }
  }

  private static HttpResponse<String> agent(String method, String path) throws Exception {
    return send(
        server,
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private static HttpResponse<String> send(LiveServer to, HttpRequest.Builder request)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            request.header("Authorization", "Bearer " + LiveServer.AGENT_TOKEN).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
