package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The targets on the held-out file, measured exactly as {@code eval --json} measures them:
 * the training shipped in the jar and the production decision rule. A model or data change that
 * falls under a floor fails the build.
 */
class HeldOutFloorsTest {
  private static final Path HELD_OUT = Path.of("src/test/resources/nlu/heldout.tsv");

  @Test
  void held_out_scores_stay_above_the_floors() throws IOException {
    // given
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    // when
    int code =
        EvalCommand.run(
            List.of(HELD_OUT.toString(), "--json"),
            FreshTraining.data(),
            DecisionRule.DEFAULT,
            FreshTraining::millis, // the floors are about the scores, not the timing
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    // then
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    String errors = json.get("errors").toPrettyString();
    assertThat(json.get("lines").asInt()).isGreaterThanOrEqualTo(200);
    assertThat(json.get("in_scope_accuracy").asDouble()).as(errors).isGreaterThanOrEqualTo(0.95);
    assertThat(json.get("oos_recall").asDouble()).as(errors).isGreaterThanOrEqualTo(0.90);
    assertThat(json.get("macro_f1").asDouble()).as(errors).isGreaterThanOrEqualTo(0.93);
  }
}
