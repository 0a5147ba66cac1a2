package loginbot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The widget embedded with one script tag on another site: an origin listed in ALLOWED_ORIGINS
 * works (here in French, as a customer, with the site's colour), an unlisted one is refused.
 */
class WidgetEmbedIT {

  @Test
  void a_listed_site_embeds_the_widget_in_french_and_an_unlisted_one_is_refused() throws Exception {
    Chromium.require();
    String[] botUrl = new String[1];
    Javalin site =
        Javalin.create(cfg -> cfg.routes.get("/", ctx -> ctx.html(page(botUrl[0]))))
            .start("127.0.0.1", 0);
    Javalin otherSite =
        Javalin.create(cfg -> cfg.routes.get("/", ctx -> ctx.html(page(botUrl[0]))))
            .start("127.0.0.1", 0);
    String siteOrigin = "http://localhost:" + site.port();
    try (LiveServer bot = LiveServer.start(Map.of("ALLOWED_ORIGINS", siteOrigin));
        Chromium.Browser browser = Chromium.start(1280, 860)) {
      botUrl[0] = bot.url("");

      browser.driver().get(siteOrigin + "/");
      WidgetPage widget = new WidgetPage(browser.driver()).open();
      assertThat(widget.find(".title").getText()).isEqualTo("Aide à la connexion");
      assertThat(widget.messages("bot").get(0).getText()).contains("Bonjour Marie");
      assertThat(widget.find("textarea").getAttribute("placeholder"))
          .isEqualTo("Écrivez votre message…");
      widget.type("J'ai oublié mon mot de passe");
      widget.awaitMessage("user", "J'ai oublié mon mot de passe");
      widget.until(d -> widget.messages("bot").size() > 1);
      String reply = widget.messages("bot").get(widget.messages("bot").size() - 1).getText();
      assertThat(reply)
          .doesNotContain("titulaire du compte, ou un professionnel"); // the role came from the tag
      assertThat(
              widget.script(
                  "return getComputedStyle(arguments[0]).backgroundColor",
                  widget.find(".launcher")))
          .isEqualTo("rgb(15, 118, 110)");
      Screenshots.save(browser.driver(), "widget-embedded-fr");

      browser.driver().get("http://localhost:" + otherSite.port() + "/");
      WidgetPage refused = new WidgetPage(browser.driver()).open();
      refused.type("Bonjour");

      refused.until(
          d -> !refused.root().findElements(By.cssSelector(".msg.failed .error")).isEmpty());
      assertThat(refused.find(".msg.failed .error").getText()).contains("Non envoyé");
    } finally {
      site.stop();
      otherSite.stop();
    }
  }

  /** A page of someone else's site with the one-tag embed. */
  private static String page(String botUrl) {
    return "<!doctype html><html lang=fr><head><meta charset=utf-8><title>Autre site</title></head><body>"
        + "<h1>Mon application</h1>"
        + "<script src=\""
        + botUrl
        + "/widget.js\" data-role=\"customer\" data-lang=\"fr\""
        + " data-user-name=\"Marie Dupont\" data-user-email=\"marie@example.com\" data-colour=\"#0f766e\""
        + " async></script></body></html>";
  }
}
