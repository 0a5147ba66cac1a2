package loginbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delay_doubles_per_attempt_within_half_to_full_jitter_and_stops_at_the_cap() {
    Backoff low = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.0);
    Backoff high = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.999999);

    assertThat(low.delay(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(high.delay(0)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
    assertThat(low.delay(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(high.delay(30)).isBetween(Duration.ofMillis(299_999), Duration.ofMinutes(5));
    assertThat(low.delay(1_000)).isEqualTo(Duration.ofMinutes(5).dividedBy(2));
  }
}
