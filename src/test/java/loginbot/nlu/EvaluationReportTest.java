package loginbot.nlu;

import static loginbot.nlu.Intent.AFFIRM;
import static loginbot.nlu.Intent.DENY;
import static loginbot.nlu.Intent.GREETING;
import static loginbot.nlu.Intent.OUT_OF_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

  @Test
  void scores_are_computed_from_expected_and_predicted_pairs() {
    // given 6 lines: greeting 2/2, affirm 1/2 (one taken for deny), out_of_scope 1/2 (one taken for
    // greeting)
    List<Intent> expected = List.of(GREETING, GREETING, AFFIRM, AFFIRM, OUT_OF_SCOPE, OUT_OF_SCOPE);
    List<Intent> predicted = List.of(GREETING, GREETING, AFFIRM, DENY, OUT_OF_SCOPE, GREETING);

    // when
    EvaluationReport report = EvaluationReport.of(expected, predicted);

    // then
    assertThat(report.accuracy()).isCloseTo(4 / 6.0, within(1e-9));
    assertThat(report.labels()).containsExactly(AFFIRM, DENY, GREETING, OUT_OF_SCOPE);
    assertThat(report.perLabel().get(GREETING).precision()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(report.perLabel().get(GREETING).recall()).isEqualTo(1.0);
    assertThat(report.perLabel().get(AFFIRM).f1()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(report.perLabel().get(DENY).f1()).isZero();
    assertThat(report.perLabel().get(DENY).support()).isZero();
    // macro over greeting 0.8, affirm 2/3, deny 0 (predicted, never expected), out_of_scope 2/3
    assertThat(report.macroF1()).isCloseTo((0.8 + 2 / 3.0 + 0 + 2 / 3.0) / 4, within(1e-9));
    assertThat(report.inScopeAccuracy()).hasValueCloseTo(0.75, within(1e-9));
    assertThat(report.oosRecall()).hasValueCloseTo(0.5, within(1e-9));
    assertThat(report.oosPrecision()).hasValueCloseTo(1.0, within(1e-9));
    assertThat(report.count(OUT_OF_SCOPE, GREETING)).isEqualTo(1);
  }

  @Test
  void out_of_scope_figures_are_undefined_without_such_lines() {
    // given
    List<Intent> expected = List.of(GREETING, AFFIRM);
    List<Intent> predicted = List.of(GREETING, AFFIRM);

    // when
    EvaluationReport report = EvaluationReport.of(expected, predicted);

    // then
    assertThat(report.oosRecall()).isEmpty();
    assertThat(report.oosPrecision()).isEmpty();
    assertThat(report.inScopeAccuracy()).hasValue(1.0);
  }
}
