package loginbot.web;

import io.javalin.config.RoutesConfig;

/** One HTTP surface (a channel, the agent API, the widget...) registering its endpoints. */
public interface Routes {
  void addTo(RoutesConfig routes);
}
