package loginbot.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

class MailerTest {
  @Test
  void a_server_error_quoting_the_address_is_logged_without_it() {
    var e =
        new MessagingException(
            "550 5.1.1 <jane.doe@example.com>: Recipient address rejected",
            new IllegalStateException("for jane.doe@example.com"));

    String logged = Mailer.redacted(e);

    assertThat(logged).doesNotContain("jane.doe").contains("550 5.1.1").contains("<address>");
  }
}
