package loginbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void an_empty_environment_runs_locally_with_defaults() {
    Config config = Config.fromEnv(Map.of());

    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.databaseUrl()).isEmpty();
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.retentionDays()).isEqualTo(90);
    assertThat(config.supportEmailConfigured()).isFalse();
    assertThat(config.agentTokenGenerated()).isTrue();
    assertThat(config.agentTokens()).hasSize(1);
    assertThat(config.agentTokens().keySet().iterator().next()).hasSize(48);
  }

  @Test
  void named_agent_tokens_map_each_token_to_its_agent() {
    Config config =
        Config.fromEnv(
            Map.of(
                "AGENT_TOKEN", "0123456789abcdef-main",
                "AGENT_TOKENS", "alice:alice-token-0123456789, bob:bob-token-0123456789"));

    assertThat(config.agentTokens())
        .containsEntry("0123456789abcdef-main", "agent")
        .containsEntry("alice-token-0123456789", "alice")
        .containsEntry("bob-token-0123456789", "bob");
    assertThat(config.agentTokenGenerated()).isFalse();
  }

  @Test
  void a_malformed_variable_fails_naming_it() {
    assertThatThrownBy(() -> Config.fromEnv(Map.of("PORT", "seventy")))
        .hasMessageContaining("PORT")
        .hasMessageContaining("seventy");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("NLU_THRESHOLD", "1.5")))
        .hasMessageContaining("NLU_THRESHOLD");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("AGENT_TOKENS", "no-colon-here")))
        .hasMessageContaining("AGENT_TOKENS");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("AGENT_TOKEN", "short")))
        .hasMessageContaining("16 characters");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("LOG_FORMAT", "xml")))
        .hasMessageContaining("LOG_FORMAT");
  }

  @Test
  void blank_values_count_as_unset() {
    Config config = Config.fromEnv(Map.of("PORT", " ", "SUPPORT_EMAIL", ""));

    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.supportEmailConfigured()).isFalse();
  }

  @Test
  void widget_settings_are_checked_at_start() {
    Config config =
        Config.fromEnv(
            Map.of(
                "ALLOWED_ORIGINS", "https://app.example.com, https://www.example.com",
                "WIDGET_SECRET", "0123456789abcdef0123456789abcdef"));

    assertThat(config.allowedOrigins())
        .containsExactly("https://app.example.com", "https://www.example.com");
    assertThat(config.widgetSecret()).hasValue("0123456789abcdef0123456789abcdef");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("ALLOWED_ORIGINS", "app.example.com")))
        .isInstanceOf(Config.ConfigException.class)
        .hasMessageContaining("ALLOWED_ORIGINS");
    assertThatThrownBy(() -> Config.fromEnv(Map.of("WIDGET_SECRET", "too-short")))
        .isInstanceOf(Config.ConfigException.class)
        .hasMessageContaining("WIDGET_SECRET");
  }
}
