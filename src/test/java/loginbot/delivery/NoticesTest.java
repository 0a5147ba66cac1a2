package loginbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.handoff.SupportHours;
import loginbot.mail.MailDeliverer;
import loginbot.nlu.Language;
import loginbot.web.Json;
import org.junit.jupiter.api.Test;

/** What the user is told about how an agent's answer will reach them, channel by channel. */
class NoticesTest {
  private static final ContentCatalog CONTENT = ContentCatalog.fromClasspath();
  private static final SupportHours OFFICE = SupportHours.parse("Mon-Fri 09:00-17:00 UTC");
  private static final Instant OPEN = Instant.parse("2026-03-04T10:00:00Z");
  private static final Instant NIGHT = Instant.parse("2026-03-04T23:00:00Z");
  private static final MailDeliverer.Schedule MAIL = new MailDeliverer.Schedule(null);

  private static Notices notices(boolean mail) {
    return new Notices(CONTENT, "help@example.test", OFFICE, mail);
  }

  private static final OutputChannel WIDGET = new WidgetOutput(MAIL);
  private static final OutputChannel REST = new RestOutput(false, MAIL, Json.newMapper());
  private static final OutputChannel REST_CALLBACK = new RestOutput(true, null, Json.newMapper());

  @Test
  void a_widget_user_in_office_hours_is_answered_here_and_may_leave_an_address() {
    Notices.Reach reach = notices(true).afterHandoff(WIDGET, null, Language.EN, OPEN);

    assertThat(reach.text()).startsWith("They will answer here in this chat.");
    assertThat(reach.text()).contains("If you can't wait, type your e-mail address");
    assertThat(reach.asksForEmail()).isTrue();
  }

  @Test
  void an_address_the_page_gave_is_where_the_answer_goes_if_the_user_left() {
    Notices.Reach reach = notices(true).afterHandoff(WIDGET, "jane@example.com", Language.EN, OPEN);

    assertThat(reach.text()).contains("we'll send their answer to jane@example.com");
    assertThat(reach.asksForEmail()).isFalse();
  }

  @Test
  void out_of_hours_the_user_is_asked_for_an_address_in_their_language() {
    Notices.Reach reach = notices(true).afterHandoff(WIDGET, null, Language.FR, NIGHT);

    assertThat(reach.text()).startsWith("Écrivez votre adresse courriel ici");
    assertThat(reach.asksForEmail()).isTrue();
  }

  @Test
  void without_e_mail_the_answer_waits_and_the_support_address_is_given() {
    Notices.Reach reach = notices(false).afterHandoff(REST, null, Language.EN, OPEN);

    assertThat(reach.text())
        .isEqualTo(
            "Their answer will be waiting in this conversation when you come back to it. If you"
                + " prefer, write to us at help@example.test.");
    assertThat(reach.asksForEmail()).isFalse();
  }

  @Test
  void a_rest_client_without_a_callback_is_never_promised_an_answer_here() {
    for (Instant at : new Instant[] {OPEN, NIGHT}) {
      for (boolean mail : new boolean[] {true, false}) {
        assertThat(notices(mail).afterHandoff(REST, null, Language.EN, at).text())
            .doesNotContain("answer here in this chat");
      }
    }
  }

  @Test
  void a_rest_client_with_a_callback_is_answered_here() {
    assertThat(notices(true).afterHandoff(REST_CALLBACK, null, Language.EN, OPEN).text())
        .startsWith("They will answer here in this chat.");
  }
}
