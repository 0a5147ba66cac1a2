package loginbot.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;

/**
 * The customer's widget and the agent's console in a real headless Chromium, against the whole bot.
 */
class WidgetAndConsoleIT {
  static final String WAITING = "Waiting for a support agent";
  static LiveServer server;

  @BeforeAll
  static void start() {
    Chromium.require();
    server = LiveServer.start(Map.of());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void a_customer_is_handed_off_and_an_agent_takes_over_live() {
    try (Chromium.Browser customer = Chromium.start(1280, 860);
        Chromium.Browser agent = Chromium.start(1280, 860)) {
      customer.driver().get(server.url("/"));
      WidgetPage widget = new WidgetPage(customer.driver()).open();

      widget.chip("Invalid user / password");
      widget.chip("I'm the account holder");
      widget.awaitMessage("bot", "error in the username or in the password");
      sayNoUntilHandoff(widget);
      widget.awaitMessage("bot", "passing you to a person from our support team");
      String id = conversationId(customer.driver());

      ConsolePage console = new ConsolePage(agent.driver());
      agent.driver().get(server.url("/agent"));
      console.signIn(LiveServer.AGENT_TOKEN).openConversation(id);
      assertThat(console.packet())
          .contains("Steps did not help", "Customer", "Invalid credentials");
      console.awaitTranscriptLine("bot", "passing you to a person");
      console.reply("Hi, I'm Alice from support. Which e-mail address do you log in with?");

      widget.awaitMessage("agent", "Hi, I'm Alice from support.");
      assertThat(widget.messages("agent").get(0).getText()).contains("Alice", "Support agent");
      widget.until(d -> widget.subtitle().equals("Chatting with Alice"));
      Screenshots.save(customer.driver(), "widget");
      agent
          .driver()
          .findElement(By.id("reply-text"))
          .sendKeys("Thanks! I'll check the main e-mail on your account.");
      console.script("document.getElementById('detail').scrollTop = 0; window.scrollTo(0, 0);");
      Screenshots.save(agent.driver(), "console");
      agent.driver().findElement(By.id("reply-text")).clear();

      widget.type("marie.dupont@example.com");
      console.awaitTranscriptLine("user", "marie.dupont@example.com");
      console.handBack();
      widget.awaitMessage("bot", "You're back with the login assistant");
      widget.chip("Account disabled");
      widget.awaitMessage("bot", "merger of two accounts");
      int shown =
          widget.messages("bot").size()
              + widget.messages("agent").size()
              + widget.messages("user").size();

      customer.driver().navigate().refresh();

      WidgetPage reloaded = new WidgetPage(customer.driver());
      reloaded.until(d -> reloaded.isOpen());
      reloaded.awaitMessage("agent", "Hi, I'm Alice from support.");
      reloaded.awaitMessage("bot", "merger of two accounts");
      assertThat(
              reloaded.messages("bot").size()
                  + reloaded.messages("agent").size()
                  + reloaded.messages("user").size())
          .isEqualTo(shown);
      assertThat(conversationId(customer.driver())).isEqualTo(id);
    }
  }

  @Test
  void markup_from_the_user_or_an_agent_is_shown_as_text() throws Exception {
    String userMarkup = "<img src=x onerror=alert(1)>";
    String agentMarkup = "<b>bold</b><img src=x onerror=alert(2)>";
    String agentMarkdown =
        " **really** [help](https://example.com/help) [bad](javascript:alert(3))";
    try (Chromium.Browser customer = Chromium.start(1280, 860);
        Chromium.Browser agent = Chromium.start(1280, 860)) {
      customer.driver().get(server.url("/"));
      WidgetPage widget = new WidgetPage(customer.driver()).open();

      widget.type(userMarkup);
      widget.awaitMessage("user", userMarkup);
      widget.chip("Talk to a person");
      widget.until(d -> widget.waiting());
      String id = conversationId(customer.driver());
      HttpResponse<String> reply =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(server.url("/api/conversations/" + id + "/messages")))
                      .header("Authorization", "Bearer " + LiveServer.AGENT_TOKEN)
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"text\":\"" + agentMarkup + agentMarkdown + "\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(reply.statusCode()).isEqualTo(201);

      assertThat(widget.awaitMessage("agent", "<b>bold</b>").getText())
          .isEqualTo(agentMarkup + " really help [bad](javascript:alert(3))");
      assertFormattedSafely(widget.root().findElements(By.cssSelector(".msg.agent a")));
      assertThat(widget.find(".msg.agent strong").getText()).isEqualTo("really");
      assertThat(widget.awaitMessage("user", "<img").getText()).isEqualTo(userMarkup);
      assertThat(widget.root().findElements(By.cssSelector(".log img, .log b"))).isEmpty();
      assertNoAlert(customer.driver());

      agent.driver().get(server.url("/agent"));
      ConsolePage console =
          new ConsolePage(agent.driver()).signIn(LiveServer.AGENT_TOKEN).openConversation(id);
      assertThat(console.awaitTranscriptLine("user", "<img").getText()).isEqualTo(userMarkup);
      assertThat(console.awaitTranscriptLine("agent", "<b>").getText())
          .isEqualTo(agentMarkup + " really help [bad](javascript:alert(3))");
      assertFormattedSafely(agent.driver().findElements(By.cssSelector("#transcript .agent a")));
      assertThat(agent.driver().findElements(By.cssSelector("#transcript img, #transcript b")))
          .isEmpty();
      assertNoAlert(agent.driver());
    }
  }

  @Test
  void a_second_browser_cannot_read_the_first_conversation() {
    try (Chromium.Browser first = Chromium.start(1280, 860);
        Chromium.Browser second = Chromium.start(1280, 860)) {
      first.driver().get(server.url("/"));
      WidgetPage mine = new WidgetPage(first.driver()).open();
      mine.type("my username is marie.dupont and I can't log in");
      mine.awaitMessage("user", "marie.dupont");
      mine.until(d -> mine.messages("bot").size() > 1);
      String id = conversationId(first.driver());

      second.driver().get(server.url("/"));
      WidgetPage theirs = new WidgetPage(second.driver()).open();
      @SuppressWarnings("unchecked")
      List<Object> statuses =
          (List<Object>)
              new WidgetPage(second.driver())
                  .asyncScript(
                      "var done = arguments[arguments.length - 1], id = arguments[0];"
                          + "var read = t => fetch('/widget/conversations/' + id + '/messages?after=0',"
                          + "  {headers: t ? {'X-Widget-Token': t} : {}}).then(r => r.status);"
                          + "fetch('/widget/conversations', {method: 'POST'}).then(r => r.json())"
                          + "  .then(own => Promise.all([read(null), read(own.token), read('forged-token')]))"
                          + "  .then(done, e => done(String(e)));",
                      id);

      assertThat(statuses).containsExactly(401L, 403L, 403L);
      assertThat(theirs.messages("user")).isEmpty();
      assertThat(theirs.root().findElement(By.cssSelector(".log")).getText())
          .doesNotContain("marie.dupont");
      assertThat(second.driver().getPageSource()).doesNotContain("marie.dupont");
    }
  }

  @Test
  void the_widget_works_with_the_keyboard_and_fills_a_phone_screen() {
    try (Chromium.Browser phone = Chromium.startPhone(390, 844)) {
      phone.driver().get(server.url("/"));
      WidgetPage widget = new WidgetPage(phone.driver());
      widget.script("arguments[0].focus()", widget.find(".launcher"));

      widget.find(".launcher").sendKeys(org.openqa.selenium.Keys.ENTER);
      widget.until(d -> widget.isOpen());
      assertThat(
              widget.script(
                  "return arguments[0].shadowRoot.activeElement.id",
                  phone.driver().findElement(By.id("loginbot-widget"))))
          .isEqualTo("lb-input");
      widget.type("I forgot my password");
      widget.awaitMessage("user", "I forgot my password");
      widget.until(d -> widget.messages("bot").size() > 1);
      Number panelWidth =
          (Number)
              widget.script(
                  "return arguments[0].getBoundingClientRect().width", widget.find(".panel"));
      Number viewport = (Number) widget.script("return window.innerWidth");
      Screenshots.save(phone.driver(), "widget-phone");
      widget.find("textarea").sendKeys(org.openqa.selenium.Keys.ESCAPE);

      widget.until(d -> !widget.isOpen());
      assertThat(panelWidth.doubleValue()).isEqualTo(viewport.doubleValue());
      assertThat(
              widget.script(
                  "return arguments[0].shadowRoot.activeElement.className",
                  phone.driver().findElement(By.id("loginbot-widget"))))
          .isEqualTo("launcher");
      assertThat(widget.find(".launcher").getAttribute("aria-expanded")).isEqualTo("false");
      assertThat(widget.find(".log").getAttribute("aria-live")).isEqualTo("polite");
      assertThat(widget.find("textarea").getAttribute("id")).isEqualTo("lb-input");
      assertThat(widget.root().findElements(By.cssSelector("label[for='lb-input']"))).hasSize(1);
    }
  }

  static void sayNoUntilHandoff(WidgetPage widget) {
    for (int step = 0; step < 8; step++) {
      if (widget.waiting()) {
        return;
      }
      widget.chip("No");
      try {
        widget.until(d -> widget.waiting() || widget.chips().contains("No"));
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError("subtitle " + widget.subtitle() + " chips " + widget.chips(), e);
      }
    }
    assertThat(widget.waiting()).isTrue();
  }

  static String conversationId(WebDriver driver) {
    return (String)
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript(
                "var key = Object.keys(localStorage).find(k => k.indexOf('loginbot.conversation:') === 0);"
                    + "return key ? JSON.parse(localStorage.getItem(key)).id : null;");
  }

  /** The one link is the https one, opening in a new tab without a handle on this page. */
  static void assertFormattedSafely(List<org.openqa.selenium.WebElement> links) {
    assertThat(links).hasSize(1);
    assertThat(links.get(0).getAttribute("href")).isEqualTo("https://example.com/help");
    assertThat(links.get(0).getAttribute("target")).isEqualTo("_blank");
    assertThat(links.get(0).getAttribute("rel")).contains("noopener");
  }

  static void assertNoAlert(WebDriver driver) {
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }
}
