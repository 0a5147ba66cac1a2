package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecisionRuleTest {
  private final DecisionRule rule = new DecisionRule(0.4, 0.1);

  @Test
  void a_confident_prediction_with_a_clear_lead_is_accepted() {
    // given
    Prediction prediction =
        new Prediction(Intent.FORGOT_PASSWORD, 0.6, Intent.RESET_EMAIL_MISSING, 0.3);

    // when / then
    assertThat(rule.accepts(prediction)).isTrue();
  }

  @Test
  void a_prediction_below_the_threshold_is_not_understood() {
    // given
    Prediction prediction = new Prediction(Intent.APP_UPDATE, 0.35, Intent.OUT_OF_SCOPE, 0.1);

    // when / then
    assertThat(rule.accepts(prediction)).isFalse();
  }

  @Test
  void a_prediction_too_close_to_the_runner_up_is_not_understood() {
    // given
    Prediction prediction =
        new Prediction(Intent.FORGOT_PASSWORD, 0.45, Intent.RESET_EMAIL_MISSING, 0.4);

    // when / then
    assertThat(rule.accepts(prediction)).isFalse();
  }

  @Test
  void values_outside_zero_to_one_are_refused() {
    // given / when / then
    assertThatThrownBy(() -> new DecisionRule(1.5, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> new DecisionRule(0.5, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DecisionRule(Double.NaN, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
