package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.doccat.FeatureGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainedNluTest {
  private static TrainingData data;
  private static TrainedNlu nlu;

  @BeforeAll
  static void train() {
    data = FreshTraining.data();
    nlu = TrainedNlu.around(FreshTraining.classifier(), data, DecisionRule.DEFAULT);
  }

  @Test
  void the_model_classifies_with_the_same_features_it_was_trained_with() {
    // given OpenNLP rebuilds feature generators from their class names (trap T5)
    IntentClassifier classifier = FreshTraining.classifier();
    String[] tokens = new TextNormalizer().tokens("j'ai oublié mon mot de passe");

    // when
    List<FeatureGenerator> rebuilt = classifier.featureGenerators();

    // then
    assertThat(rebuilt).hasSameSizeAs(ClassifierConfig.DEFAULT.features());
    for (int i = 0; i < rebuilt.size(); i++) {
      FeatureGenerator configured = ClassifierConfig.DEFAULT.features().get(i);
      assertThat(rebuilt.get(i).extractFeatures(tokens, Map.of()))
          .containsExactlyElementsOf(configured.extractFeatures(tokens, Map.of()));
    }
  }

  @Test
  void an_understanding_carries_the_intent_the_prediction_and_the_language() {
    // given
    String text = "j'ai oublié mon mot de passe";

    // when
    Understanding understanding = nlu.understand(text);

    // then
    assertThat(understanding.intent()).contains(Intent.FORGOT_PASSWORD);
    assertThat(understanding.prediction().intent()).isEqualTo(Intent.FORGOT_PASSWORD);
    assertThat(understanding.prediction().runnerUp()).isNotEqualTo(Intent.FORGOT_PASSWORD);
    assertThat(understanding.prediction().confidence())
        .isGreaterThanOrEqualTo(understanding.prediction().runnerUpConfidence());
    assertThat(understanding.language()).isEqualTo(Language.FR);
  }

  @Test
  void an_empty_or_meaningless_message_is_not_understood() {
    // given / when
    Understanding blank = nlu.understand("   ");
    Understanding symbols = nlu.understand("?!?! ...");

    // then
    assertThat(blank.understood()).isFalse();
    assertThat(blank.effectiveIntent()).isEqualTo(Intent.OUT_OF_SCOPE);
    assertThat(symbols.understood()).isFalse();
  }

  @Test
  void a_strict_rule_turns_a_prediction_into_not_understood() {
    // given the same model judged by a rule no prediction can pass
    TrainedNlu strict =
        new TrainedNlu(
            FreshTraining.classifier(), nlu.languageDetector(), new DecisionRule(1.0, 1.0));

    // when
    Understanding understanding = strict.understand("I forgot my password");

    // then
    assertThat(understanding.intent()).isEmpty();
    assertThat(understanding.prediction().intent()).isEqualTo(Intent.FORGOT_PASSWORD);
  }

  @Test
  void one_instance_gives_the_same_answers_from_many_threads() throws Exception {
    // given
    List<String> messages =
        data.examples().stream().map(TrainingExample::text).distinct().limit(400).toList();
    List<Prediction> sequential = messages.stream().map(nlu::classify).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);

    // when
    List<Future<List<Prediction>>> runs = new ArrayList<>();
    try {
      for (int t = 0; t < 4; t++) {
        List<String> shuffled = new ArrayList<>(messages);
        Collections.rotate(shuffled, t * 97);
        runs.add(
            pool.submit(
                () -> {
                  List<Prediction> out =
                      new ArrayList<>(Collections.nCopies(messages.size(), (Prediction) null));
                  for (int round = 0; round < 5; round++) {
                    for (String m : shuffled) {
                      out.set(messages.indexOf(m), nlu.classify(m));
                    }
                  }
                  return out;
                }));
      }

      // then
      for (Future<List<Prediction>> run : runs) {
        assertThat(run.get()).isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
