package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrossValidationCommandTest {
  private static TrainingData data;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void load() {
    data = FreshTraining.data();
  }

  @Test
  void json_report_scores_every_example_once() throws IOException {
    // given ten examples of each intent in each language (the report's shape does not depend on
    // the size; training on them all three times would be most of this class's time)
    TrainingData some = tenOfEach(data);

    // when
    int code = run(some, "--folds", "3", "--json");

    // then
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.get("folds").asInt()).isEqualTo(3);
    assertThat(json.get("lines").asInt()).isEqualTo(some.examples().size());
    assertThat(json.fieldNames())
        .toIterable()
        .contains("accuracy", "macro_f1", "per_label", "confusion", "errors");
    assertThat(json.get("per_label")).hasSize(some.labels().size());
    assertThat(json.get("accuracy").asDouble()).isBetween(0.5, 1.0);
  }

  @Test
  void folds_are_disjoint_cover_everything_and_keep_each_label_in_each_fold() {
    // given / when
    List<List<TrainingExample>> folds = CrossValidation.folds(data.examples(), 5, 7);

    // then
    List<TrainingExample> all = new ArrayList<>();
    folds.forEach(all::addAll);
    assertThat(all).containsExactlyInAnyOrderElementsOf(data.examples());
    for (List<TrainingExample> fold : folds) {
      Set<Intent> intents = new HashSet<>();
      fold.forEach(e -> intents.add(e.intent()));
      assertThat(intents).containsExactlyInAnyOrderElementsOf(data.labels());
    }
    assertThat(CrossValidation.folds(data.examples(), 5, 7)).isEqualTo(folds);
  }

  @Test
  void bad_usage_exits_with_2() {
    // given / when
    int notANumber = run("--folds", "many");
    int one = run("--folds", "1");
    int missing = run("--folds");
    int unknown = run("--seed", "3");

    // then
    assertThat(List.of(notANumber, one, missing, unknown)).containsOnly(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--folds needs a whole number", "usage: cv");
  }

  private static TrainingData tenOfEach(TrainingData all) {
    Map<String, Integer> taken = new HashMap<>();
    List<TrainingExample> some = new ArrayList<>();
    for (TrainingExample e : all.examples()) {
      if (taken.merge(e.intent().label() + "/" + e.language().code(), 1, Integer::sum) <= 10) {
        some.add(e);
      }
    }
    return new TrainingData(some, all.source());
  }

  private int run(String... args) {
    return run(data, args);
  }

  private int run(TrainingData examples, String... args) {
    return CrossValidationCommand.run(
        List.of(args),
        examples,
        DecisionRule.DEFAULT,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
