package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class WidgetTokensTest {
  private final WidgetTokens tokens = new WidgetTokens(WidgetServer.KEY, new SecureRandom());

  @Test
  void a_minted_token_opens_its_own_conversation_only() {
    WidgetTokens.Issued a = tokens.mint();
    WidgetTokens.Issued b = tokens.mint();

    assertThat(tokens.verify(a.id(), a.token())).isTrue();
    assertThat(tokens.verify(b.id(), a.token())).isFalse();
    assertThat(tokens.verify(a.id(), a.token().substring(1))).isFalse();
    assertThat(tokens.verify(a.id(), null)).isFalse();
  }

  @Test
  void a_token_from_a_server_with_another_key_is_refused() {
    WidgetTokens other =
        new WidgetTokens(
            "another-key-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8),
            new SecureRandom());
    WidgetTokens.Issued issued = other.mint();

    assertThat(tokens.verify(issued.id(), issued.token())).isFalse();
  }

  @Test
  void ids_not_issued_by_the_widget_are_never_accepted() {
    assertThat(tokens.verify("../../api", "x")).isFalse();
    assertThat(tokens.verify("rest-sender-42", "x")).isFalse();
  }

  @Test
  void a_short_key_is_refused() {
    assertThatThrownBy(() -> new WidgetTokens(new byte[16], new SecureRandom()))
        .hasMessageContaining("32 bytes");
  }
}
