package loginbot.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;

/**
 * Logback's first configuration, found as a service ({@code META-INF/services}): the text format,
 * built in code, unless there is an XML file of the user's for logback to read. Logback asks
 * services before it looks for files ({@code -Dlogback.configurationFile}, {@code
 * logback-test.xml}, {@code logback.xml}), so this looks for them as logback does and, when one
 * exists, reads it as logback would.
 */
// No @ConfiguratorRank: it is the only service, and reading an annotation spins a proxy class.
public final class LogConfigurator extends DefaultJoranConfigurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (performMultiStepConfigurationFileSearch(false) != null) {
      return super.configure(context);
    }
    LogFormat.TEXT.configure(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
