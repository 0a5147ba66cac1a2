package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import loginbot.web.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

// Alone: it swaps the logging set-up and System.err of the whole JVM while it reads them.
@Isolated
class LogFormatTest {
  private final PrintStream originalErr = System.err;

  @AfterEach
  void restoreLogging() throws Exception {
    System.setErr(originalErr);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void json_format_writes_one_json_object_per_line_to_stderr_with_the_formatted_message()
      throws Exception {
    var captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

    LogFormat.apply(true);
    LoggerFactory.getLogger("loginbot.channel.ConversationService")
        .info("turn conversation={} intent={}", "c-42", "forgot_password");
    LoggerFactory.getLogger("opennlp.tools.ml").info("training iteration 1");

    String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode line = Json.newMapper().readTree(lines[0]);
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("loggerName").asText()).isEqualTo("loginbot.channel.ConversationService");
    assertThat(line.get("formattedMessage").asText())
        .isEqualTo("turn conversation=c-42 intent=forgot_password");
  }
}
