package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import loginbot.nlu.Intent;
import loginbot.nlu.Language;
import loginbot.nlu.Prediction;
import loginbot.nlu.Reading;
import loginbot.nlu.Understanding;
import org.junit.jupiter.api.Test;

class LanguagePolicyTest {
  private static final LanguagePolicy POLICY =
      new LanguagePolicy(loginbot.TestBot.shippedContent());

  @Test
  void metadata_wins_over_detection() {
    assertThat(POLICY.choose(Language.EN, input("I forgot my password", Language.EN, Language.FR)))
        .isEqualTo(Language.FR);
  }

  @Test
  void a_sentence_follows_the_detected_language() {
    assertThat(POLICY.choose(Language.EN, input("j'ai oublié mon mot de passe", Language.FR, null)))
        .isEqualTo(Language.FR);
  }

  @Test
  void a_single_ambiguous_word_keeps_the_current_language() {
    assertThat(POLICY.choose(Language.FR, input("ok", Language.EN, null))).isEqualTo(Language.FR);
    assertThat(POLICY.choose(Language.EN, input("4", Language.FR, null))).isEqualTo(Language.EN);
  }

  @Test
  void a_single_unmistakable_word_switches() {
    assertThat(POLICY.choose(Language.EN, input("merci", Language.EN, null)))
        .isEqualTo(Language.FR);
    assertThat(POLICY.choose(Language.FR, input("thanks!", Language.FR, null)))
        .isEqualTo(Language.EN);
  }

  @Test
  void payloads_and_quoted_app_messages_keep_the_current_language() {
    assertThat(POLICY.choose(Language.FR, input("/case forgot_password", Language.EN, null)))
        .isEqualTo(Language.FR);
    assertThat(POLICY.choose(Language.FR, input("« Invalid User / password »", Language.EN, null)))
        .isEqualTo(Language.FR);
  }

  private static UserInput input(String text, Language detected, Language metadata) {
    Prediction prediction = new Prediction(Intent.OUT_OF_SCOPE, 0.2, Intent.GREETING, 0.1);
    Understanding u = new Understanding(Optional.empty(), prediction, Reading.of(text, detected));
    return new UserInput(
        text, u, Optional.empty(), Optional.ofNullable(metadata), false, Instant.EPOCH);
  }
}
