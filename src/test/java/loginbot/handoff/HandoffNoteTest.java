package loginbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;
import org.junit.jupiter.api.Test;

class HandoffNoteTest {

  @Test
  void packet_renders_as_markdown_an_agent_can_read_at_a_glance() {
    // given
    HandoffPacket packet =
        new HandoffPacket(
            HandoffPacket.Reason.STEPS_EXHAUSTED,
            Role.CUSTOMER,
            Language.FR,
            "invalid_credentials",
            List.of(
                new HandoffPacket.StepTried("check_credentials", "did not work"),
                new HandoffPacket.StepTried("forgot_password", "no e-mail received")),
            Map.of("error_seen", "Invalid user"),
            "alain_sirois",
            List.of("je ne peux pas me connecter", "mon mot de passe est ••••••"),
            "Customer cannot log in; the reset e-mail never arrived.",
            Instant.parse("2026-04-17T08:16:00Z"));

    // when
    String note = HandoffNote.render(packet);

    // then
    assertThat(note)
        .isEqualTo(
            """
        **Bot handoff:** the help-center steps did not solve it.

        **Summary:** Customer cannot log in; the reset e-mail never arrived.

        - **Role:** customer
        - **Language:** French (fr)
        - **Case:** invalid\\_credentials
        - **Username or e-mail given:** alain\\_sirois
        - **Handed off:** 2026-04-17 08:16 UTC

        **Steps tried**
        1. check\\_credentials — did not work
        2. forgot\\_password — no e-mail received

        **What the user told us**
        - error\\_seen: Invalid user

        **Last messages** (passwords masked)
        > je ne peux pas me connecter
        > mon mot de passe est ••••••""");
  }

  @Test
  void minimal_packet_says_what_is_unknown_and_omits_empty_sections() {
    HandoffPacket packet =
        new HandoffPacket(
            HandoffPacket.Reason.USER_ASKED,
            null,
            null,
            null,
            List.of(),
            Map.of(),
            null,
            List.of(),
            null,
            null);

    assertThat(HandoffNote.render(packet))
        .isEqualTo(
            """
        **Bot handoff:** the user asked for a person.

        - **Role:** unknown
        - **Language:** unknown
        - **Case:** none identified""");
  }

  @Test
  void user_text_cannot_inject_markdown_or_break_out_of_the_quote() {
    HandoffPacket packet =
        new HandoffPacket(
            HandoffPacket.Reason.NOT_UNDERSTOOD,
            null,
            null,
            null,
            List.of(),
            Map.of(),
            "**admin**",
            List.of("line one\n# Heading [link](http://x)"),
            null,
            null);

    String note = HandoffNote.render(packet);

    assertThat(note).contains("- **Username or e-mail given:** \\*\\*admin\\*\\*");
    assertThat(note).endsWith("> line one\n> \\# Heading \\[link\\](http://x)");
  }
}
