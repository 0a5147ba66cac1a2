package loginbot.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (npm, {@code src/test/js}) run inside the page, shadow roots included. Missing package:
 * fails under {@code CI=true} ({@code .ci/run} installs it), else skips.
 */
final class Axe {
  static final Path SCRIPT = Path.of("src/test/js/node_modules/axe-core/axe.min.js");

  private Axe() {}

  /** The serious and critical violations on the page as it is now, one line each. */
  @SuppressWarnings("unchecked")
  static List<String> seriousViolations(WebDriver driver) {
    if (!Files.isRegularFile(SCRIPT)) {
      String message = "axe-core is missing: run 'npm ci --prefix src/test/js'";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    String axe;
    try {
      axe = Files.readString(SCRIPT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // axe computes contrast with the current opacity: a panel still fading in reads as faint text.
    // Wait for every finite animation, in the page and in shadow roots (the widget's), to end.
    js.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "var roots = [document];"
            + "document.querySelectorAll('*').forEach(e => { if (e.shadowRoot) roots.push(e.shadowRoot); });"
            + "var running = [].concat(...roots.map(r => r.getAnimations()))"
            + ".filter(a => a.effect && a.effect.getTiming().iterations !== Infinity);"
            + "Promise.all(running.map(a => a.finished.catch(() => null))).then(() => done(true));");
    js.executeScript(axe + "; window.__axe = axe;");
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "window.__axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                    + " nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))),"
                    + " e => done([{id: 'axe-error', impact: 'critical', nodes: String(e)}]));");
    return violations.stream()
        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
        .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("nodes"))
        .toList();
  }
}
