package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final FakeTicker ticker = new FakeTicker();

  @Test
  void a_burst_is_allowed_then_the_next_request_must_wait_for_a_token() {
    var limiter = new RateLimiter(new RateLimiter.Limit(60, 3), ticker, 100);

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("alice")).isZero();
    }
    Duration wait = limiter.acquire("alice");

    assertThat(wait).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void tokens_come_back_at_the_configured_rate() {
    var limiter = new RateLimiter(new RateLimiter.Limit(60, 1), ticker, 100);
    limiter.acquire("alice");

    ticker.advance(Duration.ofMillis(500));
    Duration halfway = limiter.acquire("alice");
    ticker.advance(Duration.ofMillis(500));
    Duration refilled = limiter.acquire("alice");

    assertThat(halfway).isEqualTo(Duration.ofMillis(500));
    assertThat(refilled).isZero();
  }

  @Test
  void each_key_has_its_own_bucket() {
    var limiter = new RateLimiter(new RateLimiter.Limit(60, 1), ticker, 100);

    limiter.acquire("alice");

    assertThat(limiter.acquire("alice")).isPositive();
    assertThat(limiter.acquire("bob")).isZero();
  }

  @Test
  void an_idle_key_never_holds_more_than_its_burst() {
    var limiter = new RateLimiter(new RateLimiter.Limit(60, 2), ticker, 100);
    limiter.acquire("alice");

    ticker.advance(Duration.ofHours(1));

    assertThat(limiter.acquire("alice")).isZero();
    assertThat(limiter.acquire("alice")).isZero();
    assertThat(limiter.acquire("alice")).isPositive();
  }

  @Test
  void zero_per_minute_turns_limiting_off() {
    var limiter = new RateLimiter(new RateLimiter.Limit(0, 1), ticker, 100);

    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.acquire("alice")).isZero();
    }
  }

  @Test
  void a_burst_below_one_is_refused() {
    assertThatThrownBy(() -> new RateLimiter.Limit(10, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
