package loginbot.web;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import loginbot.dialogue.content.UiStrings;

/**
 * The agents' browser console at {@code /agent}: static files only. Everything it shows comes from
 * the agent API ({@link ConversationsApi}) with the bearer token the agent typed in, so without a
 * valid token the page renders no conversation data.
 */
public final class AgentConsole implements Routes {
  private final ClasspathAssets assets;

  /**
   * @param ui the console's strings in every language: served in {@code /console-strings.js}, which
   *     every console page loads first and which picks the agent's browser language
   * @param caseIds the content's cases, written into the same script: the history's case filter
   *     lists them, so a writer's new article is searchable with no change to the console
   */
  public AgentConsole(UiStrings ui, List<String> caseIds) {
    var strings = ScriptData.inject("ui", ui.section(UiStrings.CONSOLE));
    var cases = ScriptData.inject("cases", caseIds);
    this.assets =
        new ClasspathAssets(
            Map.ofEntries(
                Map.entry("/console-strings.js", "public/console-strings.js"),
                Map.entry("/agent", "public/agent.html"),
                Map.entry("/agent.js", "public/agent.js"),
                Map.entry("/console-dom.js", "public/console-dom.js"),
                Map.entry("/console-common.js", "public/console-common.js"),
                Map.entry("/console-packet.js", "public/console-packet.js"),
                Map.entry("/console-context.js", "public/console-context.js"),
                Map.entry("/markdown.js", "public/markdown.js"),
                Map.entry("/console-canned.js", "public/console-canned.js"),
                Map.entry("/agent/history", "public/history.html"),
                Map.entry("/history.js", "public/history.js"),
                Map.entry("/agent.css", "public/agent.css")),
            Map.of("/console-strings.js", script -> cases.apply(strings.apply(script))));
  }

  @Override
  public void addTo(RoutesConfig routes) {
    assets.addTo(routes);
  }
}
