package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import loginbot.nlu.Intent;
import loginbot.nlu.Language;
import loginbot.nlu.Prediction;
import loginbot.nlu.Reading;
import loginbot.nlu.Understanding;
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
  void typed_yes_and_no_are_read_in_both_languages() {
    Understanding nothing = understanding(Optional.empty());

    assertThat(YesNo.read("Oui!", nothing)).contains(true);
    assertThat(YesNo.read("y", nothing)).contains(true);
    assertThat(YesNo.read("ça marche", nothing)).contains(true);
    assertThat(YesNo.read("Non", nothing)).contains(false);
    assertThat(YesNo.read("n", nothing)).contains(false);
    assertThat(YesNo.read("toujours pas", nothing)).contains(false);
    assertThat(YesNo.read("ok", nothing)).isEmpty();
  }

  @Test
  void a_leading_yes_or_no_decides_unless_the_rest_turns_it_around() {
    Understanding nothing = understanding(Optional.empty());

    assertThat(YesNo.read("yes found it", nothing)).contains(true);
    assertThat(YesNo.read("Oui, c'était ça", nothing)).contains(true);
    assertThat(YesNo.read("no, her username is alain_sirois", nothing)).contains(false);
    assertThat(YesNo.read("yes but it still fails", nothing)).isEmpty();
    assertThat(YesNo.read("oui mais ça ne marche pas", nothing)).isEmpty();
  }

  @Test
  void short_greetings_and_thanks_are_small_talk() {
    assertThat(SmallTalk.read("Hi!")).contains(Intent.GREETING);
    assertThat(SmallTalk.read("Salut")).contains(Intent.GREETING);
    assertThat(SmallTalk.read("merci beaucoup")).contains(Intent.GOODBYE);
    assertThat(SmallTalk.read("hi, I forgot my password")).isEmpty();
  }

  @Test
  void the_nlu_decides_yes_or_no_for_longer_answers() {
    assertThat(YesNo.read("that did the trick", understanding(Optional.of(Intent.AFFIRM))))
        .contains(true);
    assertThat(YesNo.read("nothing changed", understanding(Optional.of(Intent.DENY))))
        .contains(false);
    assertThat(YesNo.read("nothing changed", understanding(Optional.of(Intent.GREETING))))
        .isEmpty();
  }

  private static Understanding understanding(Optional<Intent> intent) {
    Prediction prediction =
        new Prediction(intent.orElse(Intent.OUT_OF_SCOPE), 0.8, Intent.GREETING, 0.1);
    return new Understanding(intent, prediction, Reading.of("", Language.EN));
  }
}
