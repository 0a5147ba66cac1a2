package loginbot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The agent sees who the customer is beside the conversation: what the embedding page said (not
 * verified), the role's source, the device, app version and page the widget reported, the channel.
 */
class ConsoleContextIT {

  @Test
  void the_console_shows_the_customer_as_the_page_described_them_and_a_shortcut_inserts_a_reply()
      throws Exception {
    Chromium.require();
    String[] botUrl = new String[1];
    Javalin site =
        Javalin.create(cfg -> cfg.routes.get("/account", ctx -> ctx.html(page(botUrl[0]))))
            .start("127.0.0.1", 0);
    String siteOrigin = "http://localhost:" + site.port();
    try (LiveServer bot = LiveServer.start(Map.of("ALLOWED_ORIGINS", siteOrigin));
        Chromium.Browser customer = Chromium.start(1280, 860);
        Chromium.Browser agent = Chromium.start(1280, 900)) {
      botUrl[0] = bot.url("");
      customer.driver().get(siteOrigin + "/account");
      WidgetPage widget = new WidgetPage(customer.driver()).open();
      widget.type("I can't log in, I'd like to talk to a person please");
      widget.until(d -> widget.waiting());
      String id = WidgetAndConsoleIT.conversationId(customer.driver());

      var saved =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(bot.url("/api/canned-replies")))
                      .header("Authorization", "Bearer " + LiveServer.AGENT_TOKEN)
                      .header("Content-Type", "application/json")
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"shortcut\": \"thanks\", \"text\":"
                                  + " \"**Thank you** for waiting.\\n\\n- I'm checking your"
                                  + " account\\n- back in a minute\"}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(saved.statusCode()).isEqualTo(201);
      agent.driver().get(bot.url("/agent"));
      ConsolePage console = new ConsolePage(agent.driver());
      console.signIn(LiveServer.AGENT_TOKEN).openConversation(id);

      String context = console.context();
      assertThat(context)
          .contains(
              "Jane Doe <jane>",
              "jane.doe@example.com",
              "not verified",
              "Customer (given by the page)",
              "Web chat widget",
              "Chrome on Linux",
              "4.2.1");
      assertThat(agent.driver().findElements(By.cssSelector("#context b"))).isEmpty();
      WebElement pageLink = agent.driver().findElement(By.cssSelector("#context a"));
      assertThat(pageLink.getAttribute("href")).isEqualTo(siteOrigin + "/account");
      assertThat(pageLink.getAttribute("target")).isEqualTo("_blank");
      assertThat(pageLink.getAttribute("rel")).contains("noopener");
      assertThat(agent.driver().findElement(By.id("detail-title")).getText())
          .isEqualTo("Conversation with Jane Doe <jane>");
      console.script("document.getElementById('detail').scrollTop = 0; window.scrollTo(0, 0);");
      Screenshots.save(agent.driver(), "console-context");

      WebElement box = agent.driver().findElement(By.id("reply-text"));
      box.sendKeys("Hi Jane, /thanks ");
      assertThat(box.getAttribute("value"))
          .isEqualTo(
              "Hi Jane, **Thank you** for waiting.\n\n- I'm checking your account\n- back in a"
                  + " minute");
      agent.driver().findElement(By.id("reply-send")).click();
      WebElement sent = widget.awaitMessage("agent", "Thank you");
      assertThat(widget.find(".msg.agent strong").getText()).isEqualTo("Thank you");
      assertThat(sent.findElements(By.cssSelector("li"))).hasSize(2);
      console.awaitTranscriptLine("agent", "back in a minute");
      Screenshots.save(agent.driver(), "console-canned-reply");
    } finally {
      site.stop();
    }
  }

  /** A product's account page with the one-tag embed, naming its signed-in user. */
  private static String page(String botUrl) {
    return "<!doctype html><html lang=en><head><meta charset=utf-8><title>Acme</title></head><body>"
        + "<h1>Your account</h1>"
        + "<script src=\""
        + botUrl
        + "/widget.js\" data-role=\"customer\" data-lang=\"en\" data-app-version=\"4.2.1\""
        + " data-user-name=\"Jane Doe &lt;jane&gt;\" data-user-email=\"jane.doe@example.com\""
        + " async></script></body></html>";
  }
}
