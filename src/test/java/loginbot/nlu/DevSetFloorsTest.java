package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The blind dev set (text written by people who never saw intents/), measured exactly as {@code
 * eval --json} measures it: the model shipped in the jar and the production decision rule. The
 * floors sit a little under what the model reaches, so a data or model change that makes the bot
 * read outside text worse fails the build.
 */
class DevSetFloorsTest {
  private static final List<String> FILES =
      List.of("src/test/resources/eval/dev-en.tsv", "src/test/resources/eval/dev-fr.tsv");

  /** Per category: the share of its lines given their label (for off-topic ones: refused). */
  private static final Map<String, Double> CATEGORY_FLOORS =
      Map.of(
          "plain", 0.94,
          "vocabulary", 0.86,
          "negation", 0.87,
          "multi_sentence", 0.88,
          "typos", 0.90,
          "near_miss", 0.96,
          "off_topic", 0.84,
          "small_talk", 0.90,
          "professional", 0.90);

  @Test
  void the_dev_set_scores_stay_above_the_floors() throws IOException {
    // given
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new java.util.ArrayList<>(FILES);
    args.add("--json");

    // when
    int code =
        EvalCommand.run(
            args,
            FreshTraining.data(),
            DecisionRule.DEFAULT,
            FreshTraining::millis, // the floors are about the scores, not the timing
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    // then
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    String errors = json.get("errors").toPrettyString();
    assertThat(json.get("lines").asInt()).isGreaterThanOrEqualTo(900);
    assertThat(json.get("in_scope_accuracy").asDouble()).as(errors).isGreaterThanOrEqualTo(0.90);
    assertThat(json.get("oos_recall").asDouble()).as(errors).isGreaterThanOrEqualTo(0.92);
    for (JsonNode source : json.get("per_source")) {
      assertThat(source.get("in_scope_accuracy").asDouble()).isGreaterThanOrEqualTo(0.89);
      assertThat(source.get("oos_recall").asDouble()).isGreaterThanOrEqualTo(0.91);
    }
    assertThat(json.get("per_category").size()).isEqualTo(CATEGORY_FLOORS.size());
    CATEGORY_FLOORS.forEach(
        (category, floor) ->
            assertThat(json.get("per_category").get(category).get("accuracy").asDouble())
                .as(category)
                .isGreaterThanOrEqualTo(floor));
  }
}
