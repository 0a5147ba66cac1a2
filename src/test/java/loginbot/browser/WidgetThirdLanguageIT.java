package loginbot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import loginbot.ThirdLanguageTest;
import org.junit.jupiter.api.Test;

/**
 * The toy third language (src/test/resources/third-language) in the widget: a site embeds it with
 * {@code data-lang="es"} and every word of the widget is the Spanish of lang/es/ui.yaml, with no
 * Java or JavaScript change.
 */
class WidgetThirdLanguageIT {

  @Test
  void a_site_embeds_the_widget_in_the_toy_language_and_the_bot_answers_in_it() throws Exception {
    Chromium.require();
    Path dir = Files.createTempDirectory("loginbot-es-");
    String[] botUrl = new String[1];
    Javalin site =
        Javalin.create(cfg -> cfg.routes.get("/", ctx -> ctx.html(page(botUrl[0]))))
            .start("127.0.0.1", 0);
    Map<String, String> env = new HashMap<>(ThirdLanguageTest.env(dir));
    env.put("ALLOWED_ORIGINS", "http://localhost:" + site.port());
    try (LiveServer bot = LiveServer.start(env);
        Chromium.Browser browser = Chromium.start(1280, 860)) {
      botUrl[0] = bot.url("");

      browser.driver().get("http://localhost:" + site.port() + "/");
      WidgetPage widget = new WidgetPage(browser.driver()).open();

      assertThat(widget.find(".title").getText()).isEqualTo("Ayuda con la cuenta");
      assertThat(widget.find("textarea").getAttribute("placeholder"))
          .isEqualTo("Escriba su mensaje…");
      assertThat(widget.messages("bot").get(0).getText()).contains("¡Hola Ana!");
      widget.type("olvidé mi contraseña");
      widget.awaitMessage("user", "olvidé mi contraseña");
      widget.until(
          d -> widget.messages("bot").stream().anyMatch(m -> m.getText().contains("¿Olvidó su")));
      widget.until(d -> widget.chips().contains("Sí"));
      assertThat(widget.chips()).contains("Sí", "No");
      Screenshots.save(browser.driver(), "widget-third-language-es");
    } finally {
      site.stop();
    }
  }

  /** A page of a Spanish-speaking site with the one-tag embed. */
  private static String page(String botUrl) {
    return "<!doctype html><html lang=es><head><meta charset=utf-8><title>Otro sitio</title>"
        + "</head><body><h1>Mi aplicación</h1><script src=\""
        + botUrl
        + "/widget.js\" data-role=\"customer\" data-lang=\"es\" data-user-name=\"Ana López\""
        + " async></script></body></html>";
  }
}
