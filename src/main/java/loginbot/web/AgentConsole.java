package loginbot.web;

import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * The agents' browser console at {@code /agent}: static files only. Everything it shows comes from
 * the agent API ({@link ConversationsApi}) with the bearer token the agent typed in, so without a
 * valid token the page renders no conversation data.
 */
public final class AgentConsole implements Routes {
  private final ClasspathAssets assets =
      new ClasspathAssets(
          Map.of(
              "/agent", "public/agent.html",
              "/agent.js", "public/agent.js",
              "/console-dom.js", "public/console-dom.js",
              "/console-common.js", "public/console-common.js",
              "/console-packet.js", "public/console-packet.js",
              "/agent/history", "public/history.html",
              "/history.js", "public/history.js",
              "/agent.css", "public/agent.css"));

  @Override
  public void addTo(RoutesConfig routes) {
    assets.addTo(routes);
  }
}
