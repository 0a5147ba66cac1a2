package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandTest {

  @Test
  void payloads_are_parsed() {
    assertThat(Command.parse("/case forgot_password"))
        .contains(new Command.StartCase("forgot_password"));
    assertThat(Command.parse(" /YES ")).contains(new Command.Answer(true));
    assertThat(Command.parse("/no")).contains(new Command.Answer(false));
    assertThat(Command.parse("/role professional"))
        .contains(new Command.ChooseRole(Role.PROFESSIONAL));
    assertThat(Command.parse("/human")).contains(new Command.Human());
    assertThat(Command.parse("/menu")).contains(new Command.Menu());
    assertThat(Command.parse("/rate 4")).contains(new Command.Rate(4));
  }

  @Test
  void malformed_payloads_and_plain_text_are_not_commands() {
    assertThat(Command.parse("/rate 9")).isEmpty();
    assertThat(Command.parse("/role boss")).isEmpty();
    assertThat(Command.parse("/case ../../etc")).isEmpty();
    assertThat(Command.parse("/unknown")).isEmpty();
    assertThat(Command.parse("yes")).isEmpty();
  }

  @Test
  void rasa_clients_restart_and_get_started_are_commands() {
    assertThat(Command.parse("/restart")).contains(new Command.Restart());
    assertThat(Command.parse("/get_started")).contains(new Command.GetStarted());
  }
}
