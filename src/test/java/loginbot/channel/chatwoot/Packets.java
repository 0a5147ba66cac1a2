package loginbot.channel.chatwoot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import loginbot.dialogue.Action;
import loginbot.dialogue.Button;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Role;
import loginbot.dialogue.Status;
import loginbot.dialogue.Turn;
import loginbot.nlu.Language;

/** Hand-made turns, so wire-level tests do not depend on what the dialogue says. */
final class Packets {
  private Packets() {}

  static HandoffPacket packet() {
    return new HandoffPacket(
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
  }

  static ConversationState state(Status status) {
    ConversationState initial = ConversationState.initial(Language.FR);
    return new ConversationState(
        status,
        Role.CUSTOMER,
        Language.FR,
        "invalid_credentials",
        1,
        initial.awaiting(),
        List.of(),
        Map.of(),
        0,
        false,
        List.of());
  }

  static Turn reply(String text, Button... buttons) {
    return new Turn(state(Status.BOT), List.of(new Action.Reply(text, List.of(buttons))));
  }

  static Turn handoff() {
    return new Turn(
        state(Status.HANDOFF),
        List.of(
            Action.Reply.text("Je vous passe un collègue, il vous répondra ici."),
            new Action.Handoff(packet())));
  }
}
