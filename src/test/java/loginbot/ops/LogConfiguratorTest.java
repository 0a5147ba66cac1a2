package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The logging set-up built in code: the text lines, the levels, and a user's XML file first. */
// Alone: the console appenders write to System.err, which these tests swap for the whole JVM.
@Isolated
class LogConfiguratorTest {
  private final PrintStream originalErr = System.err;

  @AfterEach
  void restoreStderr() {
    System.setErr(originalErr);
  }

  @Test
  void the_text_format_writes_time_level_thread_abbreviated_logger_and_message_to_stderr() {
    // given
    LoggerContext context = freshContext();
    LogFormat.TEXT.configure(context);

    // when
    List<String> lines =
        stderrOf(
            () ->
                context
                    .getLogger("loginbot.channel.ConversationService")
                    .info("turn conversation={}", "c-42"));

    // then
    assertThat(lines)
        .singleElement()
        .asString()
        .matches(
            "\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[.+] l\\.c\\.ConversationService - turn"
                + " conversation=c-42");
  }

  @Test
  void both_formats_keep_opennlp_and_jetty_to_warnings_and_the_rest_to_info() {
    for (LogFormat format : LogFormat.values()) {
      // given
      LoggerContext context = freshContext();

      // when
      format.configure(context);

      // then
      assertThat(context.getLogger("opennlp.tools.ml.maxent").getEffectiveLevel())
          .as(format.name())
          .isEqualTo(Level.WARN);
      assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel())
          .as(format.name())
          .isEqualTo(Level.WARN);
      assertThat(context.getLogger("io.javalin.Javalin").getEffectiveLevel())
          .as(format.name())
          .isEqualTo(Level.INFO);
      assertThat(context.getLogger("loginbot.App").getEffectiveLevel())
          .as(format.name())
          .isEqualTo(Level.INFO);
    }
  }

  @Test
  void a_logback_xml_file_on_the_class_path_is_read_as_logback_reads_it() {
    // given: the tests' class path has logback-test.xml, as a user's class path may have a
    // logback.xml (or the JVM a -Dlogback.configurationFile)
    LoggerContext context = freshContext();
    LogConfigurator configurator = new LogConfigurator();
    configurator.setContext(context);

    // when
    ExecutionStatus status = configurator.configure(context);

    // then: the file's appender and root level, not the built-in text format
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    assertThat(root.getAppender("STDERR")).isNotNull();
    assertThat(root.getAppender(LogFormat.TEXT.name())).isNull();
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
  }

  /** A context of its own, as slf4j would create it, so the JVM's logging is left as it is. */
  private static LoggerContext freshContext() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    return context;
  }

  private List<String> stderrOf(Runnable logging) {
    var captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    logging.run();
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
