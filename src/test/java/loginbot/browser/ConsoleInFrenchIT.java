package loginbot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * An agent whose browser speaks French gets the console, history and analytics pages in French
 * (lang/fr/ui.yaml), with French typography; an agent in a language the content lacks gets English.
 */
class ConsoleInFrenchIT {

  @Test
  void a_french_browser_gets_the_console_in_french() throws Exception {
    Chromium.require();
    try (LiveServer server = LiveServer.start(Map.of());
        Chromium.Browser agent = Chromium.startInLanguage(1280, 900, "fr-CA")) {
      handOff(server, "marie", "Je veux parler à une personne");
      WebDriver driver = agent.driver();
      driver.get(server.url("/agent"));

      assertThat(driver.findElement(By.cssSelector("#sign-in h1")).getText())
          .isEqualTo("Se connecter");
      assertThat(driver.findElement(By.cssSelector("#sign-in p")).getText())
          .contains("AGENT_TOKEN", "AGENT_TOKENS", "le journal du serveur");
      ConsolePage console = new ConsolePage(driver).signIn(LiveServer.AGENT_TOKEN);
      assertThat(driver.findElement(By.id("queue-title")).getText())
          .isEqualTo("Conversations transférées");
      console.openConversation("rest:marie");
      assertThat(driver.findElement(By.id("take")).getText()).isEqualTo("Prendre");
      // (the headings are shown in capitals by the style sheet)
      assertThat(console.packet())
          .containsIgnoringCase("Motif")
          .contains("A demandé une personne", "Client", "français", "à l’instant");
      assertThat(driver.findElement(By.id("context")).getText())
          .contains("Client (indiqué par la page)");
      assertThat(driver.findElement(By.id("owner")).getText())
          .isEqualTo("Personne ne s’en occupe encore.");
      assertThat(driver.findElement(By.id("reply-note")).getText())
          .isEqualTo("L’utilisateur voit votre réponse en direct, sous votre nom.");
      assertThat(driver.findElement(By.id("reply-text")).getAttribute("placeholder"))
          .isEqualTo("Écrivez une réponse… (Ctrl+Entrée envoie)");
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
      Screenshots.save(driver, "console-fr");

      driver.get(server.url("/agent/analytics"));
      new ConsolePage(driver).until(d -> d.findElement(By.id("report-view")).isDisplayed());
      assertThat(driver.findElement(By.id("agents-title")).getText()).isEqualTo("Agents");
      assertThat(driver.findElement(By.id("nu-title")).getText())
          .isEqualTo("Messages que le robot n’a pas compris");
      driver.get(server.url("/agent/history"));
      assertThat(driver.findElement(By.id("search-title")).getText())
          .isEqualTo("Rechercher des conversations");
    }
  }

  @Test
  void a_browser_in_a_language_the_content_lacks_gets_english() {
    try (LiveServer server = LiveServer.start(Map.of());
        Chromium.Browser agent = Chromium.startInLanguage(1280, 900, "de-DE")) {
      agent.driver().get(server.url("/agent"));

      assertThat(agent.driver().findElement(By.cssSelector("#sign-in h1")).getText())
          .isEqualTo("Sign in");
    }
  }

  private static void handOff(LiveServer server, String sender, String text) throws Exception {
    String body =
        "{\"sender\":\""
            + sender
            + "\",\"message\":\""
            + text
            + "\",\"metadata\":{\"role\":\"customer\"}}";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url("/webhooks/rest/webhook")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }
}
