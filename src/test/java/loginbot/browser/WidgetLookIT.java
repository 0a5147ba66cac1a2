package loginbot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The widget as people with other settings see it: a dark system theme ({@code
 * prefers-color-scheme: dark}) and a desktop browser zoomed to 200 % (a 1280×800 window showing
 * 640×400 CSS pixels): no horizontal scrolling, and every button reachable.
 */
class WidgetLookIT {
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
  void in_dark_mode_the_panel_is_dark_with_light_text() {
    try (Chromium.Browser browser = Chromium.start(1100, 800)) {
      browser
          .driver()
          .executeCdpCommand(
              "Emulation.setEmulatedMedia",
              Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
      browser.driver().get(server.url("/"));
      WidgetPage widget = new WidgetPage(browser.driver()).open();
      widget.type("I can't log in").awaitMessage("bot", "");

      double panel = luminance(widget, widget.find(".panel"), "backgroundColor");
      double text = luminance(widget, widget.find(".log .msg.bot .bubble"), "color");
      double bubble = luminance(widget, widget.find(".log .msg.bot .bubble"), "backgroundColor");
      Screenshots.save(browser.driver(), "widget-dark");

      assertThat(panel).isLessThan(0.1);
      assertThat(text).isGreaterThan(0.6);
      // WCAG contrast of the bot's text on its bubble: at least 4.5:1
      assertThat((text + 0.05) / (bubble + 0.05)).isGreaterThan(4.5);
    }
  }

  @Test
  void at_200_percent_zoom_nothing_scrolls_sideways_and_every_button_can_be_pressed() {
    try (Chromium.Browser browser = Chromium.start(1280, 800)) {
      // Browser zoom at 200 %: the page lays out in half the CSS pixels, drawn twice as large.
      browser
          .driver()
          .executeCdpCommand(
              "Emulation.setDeviceMetricsOverride",
              Map.of("width", 640, "height", 400, "deviceScaleFactor", 2, "mobile", false));
      browser.driver().get(server.url("/"));
      WidgetPage widget = new WidgetPage(browser.driver()).open();
      widget.type("I can't log in, it says invalid user or password");
      widget.awaitMessage("bot", "Did that work?");
      Screenshots.save(browser.driver(), "widget-zoom-200");

      // no horizontal scrolling, on the page or inside the panel
      assertThat(
              (Boolean)
                  widget.script(
                      "var e = document.scrollingElement;"
                          + " return e.scrollWidth <= e.clientWidth + 1;"))
          .isTrue();
      WebElement panel = widget.find(".panel");
      List<?> sideways =
          (List<?>)
              widget.script(
                  "var over = [];"
                      + " arguments[0].querySelectorAll('*').forEach(function(e){"
                      + "   var x = getComputedStyle(e).overflowX;"
                      + "   if (e.scrollWidth > e.clientWidth + 1 && (x === 'auto' || x === 'scroll'))"
                      + "     over.push(e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>'"
                      + "       + e.clientWidth); });"
                      + " return over;",
                  panel);
      assertThat(sideways).isEmpty();
      // the panel fits the 640×400 viewport, and the log keeps a usable height
      Map<?, ?> box =
          (Map<?, ?>)
              widget.script(
                  "var r = arguments[0].getBoundingClientRect(),"
                      + " l = arguments[0].querySelector('.log').getBoundingClientRect();"
                      + " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,"
                      + " log: l.height};",
                  panel);
      assertThat(((Number) box.get("left")).doubleValue()).isGreaterThanOrEqualTo(0);
      assertThat(((Number) box.get("right")).doubleValue()).isLessThanOrEqualTo(640);
      assertThat(((Number) box.get("bottom")).doubleValue()).isLessThanOrEqualTo(400);
      assertThat(((Number) box.get("log")).doubleValue()).isGreaterThan(120);

      // every button is inside the viewport's width, and pressing one works
      assertThat(widget.chips()).contains("Yes", "No");
      for (WebElement chip :
          widget.root().findElements(org.openqa.selenium.By.cssSelector(".chips .chip"))) {
        Map<?, ?> r =
            (Map<?, ?>)
                widget.script(
                    "var r = arguments[0].getBoundingClientRect();"
                        + " return {left: r.left, right: r.right};",
                    chip);
        assertThat(((Number) r.get("left")).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) r.get("right")).doubleValue()).isLessThanOrEqualTo(640);
      }
      int before = widget.messages("bot").size();
      widget.chip("No");
      widget.until(d -> widget.messages("bot").size() > before);
    }
  }

  /** The relative luminance (WCAG) of an element's computed color property. */
  private static double luminance(WidgetPage widget, WebElement e, String property) {
    String rgb =
        (String) widget.script("return getComputedStyle(arguments[0])[arguments[1]];", e, property);
    String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Double.parseDouble(parts[i]) / 255;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
