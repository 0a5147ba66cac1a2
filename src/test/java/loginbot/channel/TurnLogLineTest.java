package loginbot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TurnLogLineTest {
  @Test
  void the_confidence_is_written_with_three_decimals_and_a_point_as_string_format_wrote_it() {
    for (double value : new double[] {0, 0.0004, 0.0005, 0.151, 0.1515, 0.9996, 1, 12.3456}) {
      assertThat(ConversationService.threeDecimals(value))
          .as("%s", value)
          .isEqualTo(String.format(Locale.ROOT, "%.3f", value));
    }
  }

  @Test
  void a_negative_value_keeps_its_sign_unless_it_rounds_to_zero() {
    assertThat(ConversationService.threeDecimals(-0.25)).isEqualTo("-0.250");
    assertThat(ConversationService.threeDecimals(-0.0001)).isEqualTo("0.000");
  }
}
