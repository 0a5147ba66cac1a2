package loginbot.web;

import io.javalin.config.RoutesConfig;

/** One HTTP surface (a channel, the agent API, the widget...) registering its endpoints. */
public interface Routes {
  void addTo(RoutesConfig routes);

  /**
   * Called when the server begins to stop, before it drains the requests in flight: a surface
   * holding long-lived requests (event streams) ends them here so the drain need not wait for them.
   */
  default void stopping() {}
}
