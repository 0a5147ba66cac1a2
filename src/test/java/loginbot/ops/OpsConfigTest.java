package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import loginbot.Config.ConfigException;
import org.junit.jupiter.api.Test;

class OpsConfigTest {

  @Test
  void an_empty_environment_limits_gently_and_leaves_metrics_open() {
    OpsConfig config = OpsConfig.fromEnv(Map.of());

    assertThat(config.metricsToken()).isEmpty();
    assertThat(config.perSender()).isEqualTo(new RateLimiter.Limit(30, 10));
    assertThat(config.perClient()).isEqualTo(new RateLimiter.Limit(6000, 1000));
    assertThat(config.perUser()).isEqualTo(new RateLimiter.Limit(120, 40));
    assertThat(config.addressLimitOnRest()).isFalse();
    assertThat(config.forwardedFor().enabled()).isFalse();
    assertThat(config.drainTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void every_setting_can_be_changed_and_zero_turns_a_limit_off() {
    OpsConfig config =
        OpsConfig.fromEnv(
            Map.of(
                "METRICS_TOKEN", "scrape-token-0123456789",
                "RATE_LIMIT_PER_MINUTE", "0",
                "RATE_LIMIT_IP_PER_MINUTE", "120",
                "RATE_LIMIT_IP_BURST", "20",
                "TRUST_FORWARDED_FOR", "true",
                "RATE_LIMIT_IP_ON_REST", "true",
                "RATE_LIMIT_USER_PER_MINUTE", "60",
                "SHUTDOWN_TIMEOUT_SECONDS", "25"));

    assertThat(config.metricsToken()).contains("scrape-token-0123456789");
    assertThat(config.perSender().enabled()).isFalse();
    assertThat(config.perClient()).isEqualTo(new RateLimiter.Limit(120, 20));
    assertThat(config.forwardedFor().enabled()).isTrue();
    assertThat(config.addressLimitOnRest()).isTrue();
    assertThat(config.perUser().perMinute()).isEqualTo(60);
    assertThat(config.drainTimeout()).isEqualTo(Duration.ofSeconds(25));
  }

  @Test
  void trusted_proxies_may_be_listed_and_a_wrong_entry_is_named() {
    assertThat(
            OpsConfig.fromEnv(Map.of("TRUST_FORWARDED_FOR", "10.0.0.0/8, 192.0.2.10"))
                .forwardedFor()
                .enabled())
        .isTrue();
    assertThatThrownBy(() -> OpsConfig.fromEnv(Map.of("TRUST_FORWARDED_FOR", "proxy.internal")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TRUST_FORWARDED_FOR")
        .hasMessageContaining("proxy.internal");
  }

  @Test
  void the_database_pool_and_its_queue_are_sized_from_the_environment() {
    OpsConfig defaults = OpsConfig.fromEnv(Map.of());
    OpsConfig bigger = OpsConfig.fromEnv(Map.of("DATABASE_POOL_SIZE", "20"));
    OpsConfig both =
        OpsConfig.fromEnv(Map.of("DATABASE_POOL_SIZE", "4", "DATABASE_QUEUE_SIZE", "0"));

    assertThat(defaults.databasePoolSize()).isEqualTo(10);
    assertThat(defaults.databaseQueueSize()).isEqualTo(40);
    assertThat(bigger.databaseQueueSize()).as("four waiting per connection").isEqualTo(80);
    assertThat(both.databasePoolSize()).isEqualTo(4);
    assertThat(both.databaseQueueSize()).isZero();
    assertThatThrownBy(() -> OpsConfig.fromEnv(Map.of("DATABASE_POOL_SIZE", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DATABASE_POOL_SIZE");
    assertThatThrownBy(() -> OpsConfig.fromEnv(Map.of("DATABASE_QUEUE_SIZE", "many")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DATABASE_QUEUE_SIZE");
  }

  @Test
  void bad_values_fail_naming_the_variable() {
    assertThatThrownBy(() -> OpsConfig.fromEnv(Map.of("RATE_LIMIT_PER_MINUTE", "lots")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RATE_LIMIT_PER_MINUTE");
    assertThatThrownBy(() -> OpsConfig.fromEnv(Map.of("RATE_LIMIT_IP_PER_MINUTE", "-5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RATE_LIMIT_IP_PER_MINUTE");
    assertThatThrownBy(() -> OpsConfig.fromEnv(Map.of("RATE_LIMIT_BURST", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RATE_LIMIT_BURST");
    assertThatThrownBy(() -> OpsConfig.fromEnv(Map.of("TRUST_FORWARDED_FOR", "maybe")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TRUST_FORWARDED_FOR");
    assertThatThrownBy(() -> OpsConfig.fromEnv(Map.of("METRICS_TOKEN", "short")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("METRICS_TOKEN");
  }
}
