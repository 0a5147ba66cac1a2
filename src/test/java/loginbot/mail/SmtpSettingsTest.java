package loginbot.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
  @Test
  void smtp_url_with_credentials_and_port() {
    SmtpSettings s = SmtpSettings.parse("smtp://bot%40example.com:p%3Ass@smtp.example.com:587");

    assertThat(s)
        .isEqualTo(
            new SmtpSettings(
                false,
                "smtp.example.com",
                587,
                Optional.of("bot@example.com"),
                Optional.of("p:ss")));
  }

  @Test
  void smtps_defaults_to_port_465_and_needs_no_credentials() {
    SmtpSettings s = SmtpSettings.parse("smtps://mail.example.com");

    assertThat(s.tls()).isTrue();
    assertThat(s.port()).isEqualTo(465);
    assertThat(s.user()).isEmpty();
  }

  @Test
  void the_password_never_shows_in_descriptions_or_errors() {
    SmtpSettings s = SmtpSettings.parse("smtp://u:hunter2@smtp.example.com:25");

    assertThat(s.toString()).isEqualTo("smtp://smtp.example.com:25").doesNotContain("hunter2");
    assertThatThrownBy(() -> SmtpSettings.parse("http://u:hunter2@example.com"))
        .hasMessage("SMTP_URL must start with smtp:// or smtps://");
    assertThatThrownBy(() -> SmtpSettings.parse("smtp://u:hunter2@"))
        .hasMessageNotContaining("hunter2");
  }
}
