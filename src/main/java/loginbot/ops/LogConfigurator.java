package loginbot.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configuration, found as a service ({@code META-INF/services}): the text format,
 * unless an XML file of the user's is there for logback to read. Logback asks services before it
 * looks for files ({@code -Dlogback.configurationFile}, {@code logback-test.xml}, {@code
 * logback.xml}), so this looks for them the same way and steps aside when one exists.
 */
// No @ConfiguratorRank: it is the only service, and reading an annotation spins a proxy class.
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    DefaultJoranConfigurator files = new DefaultJoranConfigurator();
    files.setContext(context);
    if (files.findURLOfDefaultConfigurationFile(false) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LogFormat.TEXT.configure(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
