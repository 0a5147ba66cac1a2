package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

/** The production text log format, with input that tries to start a log line of its own. */
// Alone: it swaps the logging set-up and System.err of the whole JVM while it reads them.
@Isolated
class LogForgingTest {
  private static final String FORGED =
      "c1\n00:00:00.000 INFO  [main] l.App - agent alice deleted\r";
  private final PrintStream originalErr = System.err;

  @AfterEach
  void restoreLogging() throws Exception {
    System.setErr(originalErr);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void line_breaks_in_a_user_supplied_value_are_escaped_in_the_text_log() {
    List<String> lines =
        logged(
            () ->
                LoggerFactory.getLogger("loginbot.channel.ConversationService")
                    .info("turn conversation={} channel={}", FORGED, "rest"));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .endsWith(
            "turn conversation=c1\\n00:00:00.000 INFO  [main] l.App - agent alice deleted\\r"
                + " channel=rest");
  }

  @Test
  void line_breaks_in_an_exception_message_are_escaped_and_the_frames_keep_their_lines() {
    List<String> lines =
        logged(
            () ->
                LoggerFactory.getLogger("loginbot.web.WebServer")
                    .error(
                        "unhandled error",
                        new IllegalStateException(
                            "bad id " + FORGED,
                            new IllegalArgumentException("cause\u2028forged"))));

    assertThat(lines.get(0)).endsWith("unhandled error");
    assertThat(lines.get(1))
        .isEqualTo(
            "java.lang.IllegalStateException: bad id c1\\n00:00:00.000 INFO  [main] l.App - agent"
                + " alice deleted\\r");
    assertThat(lines)
        .anyMatch(
            l -> l.equals("Caused by: java.lang.IllegalArgumentException: cause\\u2028forged"));
    assertThat(lines.subList(2, lines.size()))
        .allMatch(l -> l.startsWith("\t") || l.startsWith("Caused by: "));
  }

  private List<String> logged(Runnable logging) {
    var captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LogFormat.TEXT.replace(LogFormat.context());
    logging.run();
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
