package loginbot.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Chooses the log format at start-up. Text comes from {@code logback.xml} (logback's default); JSON
 * reloads logback from {@code logback-json.xml}, so both formats live in plain configuration files
 * and the switch works whenever it is called, even after loggers exist.
 */
public final class LogFormat {
  static final String JSON_CONFIG = "logback-json.xml";

  private LogFormat() {}

  /** Switches to JSON lines when {@code json}; text needs nothing. */
  public static void apply(boolean json) {
    if (json) {
      reconfigure(JSON_CONFIG);
    }
  }

  static void reconfigure(String resource) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      throw new IllegalStateException(
          "LOG_FORMAT=json needs logback as the slf4j binding, found "
              + factory.getClass().getName());
    }
    URL url = LogFormat.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException(resource + " is missing from the classpath");
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(url);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging from " + resource, e);
    }
  }
}
