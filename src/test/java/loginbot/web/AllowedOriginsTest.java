package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

  @Test
  void origins_are_compared_without_case_or_trailing_slash() {
    AllowedOrigins origins =
        AllowedOrigins.parse(List.of("https://App.Example.com/", " http://localhost:3000 "));

    assertThat(origins.allows("https://app.example.com")).isTrue();
    assertThat(origins.allows("http://localhost:3000")).isTrue();
    assertThat(origins.allows("http://app.example.com")).isFalse();
    assertThat(origins.allows("https://app.example.com:8443")).isFalse();
    assertThat(origins.allows("null")).isFalse();
    assertThat(origins.allows(null)).isFalse();
  }

  @Test
  void nothing_configured_means_this_server_only() {
    AllowedOrigins origins = AllowedOrigins.parse(List.of());

    assertThat(origins.allows("https://app.example.com")).isFalse();
    assertThat(origins.frameAncestors()).isEqualTo("'self'");
  }

  @Test
  void frame_ancestors_follow_the_list() {
    assertThat(AllowedOrigins.parse(List.of("https://a.example")).frameAncestors())
        .isEqualTo("'self' https://a.example");
    assertThat(AllowedOrigins.parse(List.of("*")).frameAncestors()).isEqualTo("*");
  }

  @Test
  void a_value_that_is_not_an_origin_fails_naming_the_variable() {
    assertThatThrownBy(() -> AllowedOrigins.parse(List.of("https://a.example/path")))
        .hasMessageContaining("ALLOWED_ORIGINS")
        .hasMessageContaining("/path");
    assertThatThrownBy(() -> AllowedOrigins.parse(List.of("app.example.com")))
        .hasMessageContaining("ALLOWED_ORIGINS");
    assertThatThrownBy(() -> AllowedOrigins.parse(List.of("ftp://a.example")))
        .hasMessageContaining("ALLOWED_ORIGINS");
  }
}
