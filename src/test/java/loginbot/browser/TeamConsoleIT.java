package loginbot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import loginbot.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Two agents, Alice and Bob, working one queue in two headless Chromium consoles. */
class TeamConsoleIT {
  static final String BOB_TOKEN = "bob-token-0123456789abcdefgh";
  static LiveServer server;

  @BeforeAll
  static void start() {
    Chromium.require();
    server =
        LiveServer.start(
            Map.of("AGENT_TOKENS", "Alice:" + LiveServer.AGENT_TOKEN + ",Bob:" + BOB_TOKEN));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void alice_takes_a_chat_bob_sees_it_and_must_take_it_over_and_the_closed_chat_is_found_later() {
    try (Chromium.Browser customer = Chromium.start(1280, 860);
        Chromium.Browser aliceBrowser = Chromium.start(1280, 860);
        Chromium.Browser bobBrowser = Chromium.start(1280, 860)) {
      // given a customer handed off after the article's steps
      customer.driver().get(server.url("/"));
      WidgetPage widget = new WidgetPage(customer.driver()).open();
      widget.chip("Invalid user / password");
      widget.chip("I'm the account holder");
      widget.awaitMessage("bot", "error in the username or in the password");
      WidgetAndConsoleIT.sayNoUntilHandoff(widget);
      String id = WidgetAndConsoleIT.conversationId(customer.driver());

      // when Alice takes it
      aliceBrowser.driver().get(server.url("/agent"));
      ConsolePage alice = new ConsolePage(aliceBrowser.driver()).signIn(LiveServer.AGENT_TOKEN);
      alice.openConversation(id).click("take").awaitOwner("You are handling this.");

      // then the customer sees that Alice has read the chat, and that she is typing
      widget.until(d -> widget.find(".msg.user .seen").getText().equals("Seen by Alice"));
      aliceBrowser.driver().findElement(By.id("reply-text")).sendKeys("Hello, ");
      widget.until(d -> widget.subtitle().equals("Alice is typing…"));
      Screenshots.save(customer.driver(), "widget-agent-typing");

      // then Bob sees who handles it and cannot reply without taking it over
      bobBrowser.driver().get(server.url("/agent"));
      ConsolePage bob = new ConsolePage(bobBrowser.driver()).signIn(BOB_TOKEN);
      bob.until(
          d ->
              d.findElement(By.cssSelector(".conv[data-id='" + id + "'] .tag.owner"))
                  .getText()
                  .equals("Alice is handling this"));
      bob.openConversation(id).awaitOwner("Alice is handling this.");
      assertThat(bobBrowser.driver().findElement(By.id("reply-text")).isEnabled()).isFalse();
      assertThat(bobBrowser.driver().findElement(By.id("reply-note")).getText())
          .isEqualTo("Take the conversation over to reply.");
      Screenshots.save(bobBrowser.driver(), "console-handled-by-another");

      // and Alice's reply reaches the widget
      alice.reply("Alice here. Which e-mail address do you log in with?");
      widget.awaitMessage("agent", "Hello, Alice here.");

      // and her internal note stays in the console
      aliceBrowser.driver().findElement(By.id("note-mode")).click();
      aliceBrowser.driver().findElement(By.id("reply-text")).sendKeys("Internal: a VIP customer");
      aliceBrowser.driver().findElement(By.id("reply-send")).click();
      alice.awaitTranscriptLine("note", "Internal: a VIP customer");
      aliceBrowser.driver().findElement(By.id("note-mode")).click();

      // when Bob takes it over, Alice's console follows without a reload
      bob.click("take-over").awaitOwner("You are handling this.");
      alice.awaitOwner("Bob is handling this.");
      bob.reply("Bob here, I will finish this one.");
      widget.awaitMessage("agent", "Bob here");
      // Bob's reply came after the note: had the note been sent, it would be shown by now.
      assertThat(widget.find(".log").getText()).doesNotContain("VIP");

      // and Bob closes it after confirming
      bob.click("close");
      bobBrowser.driver().switchTo().alert().accept();
      bob.until(
          d ->
              d.findElement(By.cssSelector("#detail-meta .status"))
                  .getText()
                  .equalsIgnoreCase("closed"));

      // then Alice finds the closed chat in the history, with its packet
      aliceBrowser.driver().get(server.url("/agent/history"));
      WebElement text = alice.until(d -> d.findElement(By.id("q")));
      // the case filter lists the content's cases, as the server wrote them into the page
      assertThat(
              aliceBrowser.driver().findElements(By.cssSelector("#case option")).stream()
                  .map(o -> o.getAttribute("value"))
                  .toList())
          .containsSequence("invalid_credentials", "forgot_password")
          .contains("still_unable");
      text.sendKeys("finish this one");
      text.sendKeys(Keys.ENTER);
      alice.until(d -> d.findElements(By.cssSelector("#results .conv")).size() == 1);
      alice
          .until(d -> d.findElement(By.cssSelector("#results .conv[data-id='" + id + "']")))
          .click();
      alice.until(d -> d.findElement(By.id("packet")).getText().contains("Steps did not help"));
      assertThat(aliceBrowser.driver().findElement(By.id("packet")).getText())
          .contains("Episode 1 · Closed by agent · Alice", "Invalid credentials");
      Screenshots.save(aliceBrowser.driver(), "history");
    }
  }

  @Test
  void a_ready_reply_from_the_article_is_inserted_in_french_for_a_french_chat() throws Exception {
    // given a French customer handed off after the first step of "forgot password" (REST channel)
    for (String text : java.util.List.of("/case forgot_password", "/no", "/human")) {
      rest("fr-ready", text);
    }
    try (Chromium.Browser browser = Chromium.start(1280, 860)) {
      browser.driver().get(server.url("/agent"));
      ConsolePage alice = new ConsolePage(browser.driver()).signIn(LiveServer.AGENT_TOKEN);
      alice.openConversation("rest:fr-ready");

      // when Alice clicks the first ready reply
      WebElement first =
          alice.until(
              d -> d.findElement(By.cssSelector(".ready-reply[data-step='forgot_password_link']")));
      assertThat(first.getText()).contains("Bot tried: did not work");
      Screenshots.save(browser.driver(), "console-ready-replies");
      first.click();

      // then the French text is in the reply box, ready to send
      assertThat(browser.driver().findElement(By.id("reply-text")).getAttribute("value"))
          .startsWith("À l'écran de connexion, appuyez sur « Mot de passe oublié? »");
    }
  }

  private static void rest(String sender, String text) throws Exception {
    String body =
        Json.newMapper()
            .writeValueAsString(
                Map.of(
                    "sender",
                    sender,
                    "message",
                    text,
                    "metadata",
                    Map.of("role", "customer", "language", "fr")));
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.url("/webhooks/rest/webhook")))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void alice_is_notified_of_a_new_handoff_and_of_a_new_customer_message_in_her_chat()
      throws Exception {
    try (Chromium.Browser browser = Chromium.start(1280, 860)) {
      // given Alice's console, with desktop notifications allowed, recording what it shows
      browser
          .driver()
          .executeCdpCommand(
              "Browser.grantPermissions",
              Map.of(
                  "origin",
                  server.url("").replaceAll("/$", ""),
                  "permissions",
                  java.util.List.of("notifications")));
      browser.driver().get(server.url("/agent"));
      ConsolePage alice = new ConsolePage(browser.driver()).signIn(LiveServer.AGENT_TOKEN);
      assertThat(alice.script("return Notification.permission")).isEqualTo("granted");
      alice.script(
          "window.shown = []; var Real = window.Notification;"
              + "window.Notification = function (title, options) {"
              + "  window.shown.push(title + ': ' + options.body); return new Real(title, options); };"
              + "window.Notification.permission = 'granted';");

      // when a customer is handed off, then Alice takes the chat and the customer writes again
      for (String text : java.util.List.of("/case app_update", "/human")) {
        rest("notified", text);
      }
      alice.until(d -> shown(alice).stream().anyMatch(t -> t.startsWith("New handoff: ")));
      alice.openConversation("rest:notified").click("take").awaitOwner("You are handling this.");
      rest("notified", "I am still waiting for an answer");

      // then
      alice.until(
          d ->
              shown(alice)
                  .contains("New message from the customer: I am still waiting for an answer"));
      // The title counts the unassigned chats (other tests on this server leave some).
      String unassigned =
          browser.driver().findElement(By.cssSelector("#view-unassigned .n")).getText();
      assertThat(browser.driver().getTitle())
          .isEqualTo(
              unassigned.equals("0")
                  ? "Agent console · loginbot"
                  : "(" + unassigned + ") Agent console · loginbot");
      alice.script("document.getElementById('help').showModal()");
      assertThat(browser.driver().findElement(By.id("help")).getText())
          .contains("Keyboard shortcuts", "Take the open conversation");
      Screenshots.save(browser.driver(), "console-shortcuts");
    }
  }

  @SuppressWarnings("unchecked")
  private static java.util.List<String> shown(ConsolePage page) {
    return (java.util.List<String>) page.script("return window.shown || []");
  }
}
