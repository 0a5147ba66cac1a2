package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import loginbot.nlu.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordMaskerTest {
  private final PasswordMasker masker = new PasswordMasker();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "my password is Hunter2024!",
        "My password is: hunter2024",
        "password=Secr3t",
        "pwd: s3cret!",
        "mdp : Soleil#2024",
        "mon mot de passe est Soleil2024",
        "mon mot de passe c'est bonjour123",
        "le mot de passe temporaire est Xk9-pq2",
        "password \"correcthorse\"",
        "here is my password Tr0ub4dor&3 please help",
        "my password was sunshine and now it fails"
      })
  void labelled_passwords_are_masked(String text) {
    Masked masked = masker.mask(text, null);

    assertThat(masked.hadPassword()).isTrue();
    assertThat(masked.text()).contains(PasswordMasker.MASK);
    assertThat(masked.text())
        .doesNotContainIgnoringCase("hunter2024")
        .doesNotContain("Soleil")
        .doesNotContain("Secr3t")
        .doesNotContain("s3cret")
        .doesNotContain("bonjour123")
        .doesNotContain("Xk9")
        .doesNotContain("correcthorse")
        .doesNotContain("Tr0ub4dor")
        .doesNotContain("sunshine");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "my password is not working",
        "my password is wrong",
        "the password isn't accepted",
        "I forgot my password",
        "password reset email never came",
        "mot de passe oublié",
        "mon mot de passe est invalide",
        "my password doesn't work",
        "what is a temporary password?",
        "my username is alain_sirois"
      })
  void ordinary_sentences_about_passwords_are_left_alone(String text) {
    Masked masked = masker.mask(text, null);

    assertThat(masked.hadPassword()).as(text).isFalse();
    assertThat(masked.text()).isEqualTo(text);
  }

  @Test
  void a_lone_password_like_token_right_after_a_password_question_is_masked() {
    ConversationState afterPasswordStep = state(true);

    Masked masked = masker.mask("Tr0ub4dor&3", afterPasswordStep);

    assertThat(masked.hadPassword()).isTrue();
    assertThat(masked.text()).isEqualTo(PasswordMasker.MASK);
  }

  @Test
  void a_password_that_is_the_word_user_does_not_hide_the_next_label() {
    // "user / password" is how the app's error names the fields, except when "user" is a value.
    Masked once = masker.mask("password is user / password is Xy9!kq2", state(true));
    Masked twice = masker.mask(once.text(), state(true));

    assertThat(once.text()).isEqualTo("password is •••••• / password is ••••••");
    assertThat(twice.text()).isEqualTo(once.text());
  }

  @Test
  void a_lone_token_is_kept_when_the_bot_did_not_talk_about_passwords() {
    Masked masked = masker.mask("Tr0ub4dor&3", state(false));

    assertThat(masked.hadPassword()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yes",
        "non",
        "ok",
        "merci!",
        "alain_sirois",
        "jane@example.com",
        "/case forgot_password",
        "2.3.1",
        "thanks"
      })
  void replies_that_are_not_passwords_survive_even_after_a_password_question(String text) {
    Masked masked = masker.mask(text, state(true));

    assertThat(masked.hadPassword()).as(text).isFalse();
    assertThat(masked.text()).isEqualTo(text);
  }

  private static ConversationState state(boolean askedAboutPassword) {
    return new ConversationState(
        Status.BOT,
        Role.CUSTOMER,
        Language.EN,
        "forgot_password",
        0,
        ConversationState.Awaiting.OUTCOME,
        List.of(),
        Map.of(),
        0,
        false,
        List.of(),
        "forgot_password_link",
        null,
        null,
        null,
        askedAboutPassword);
  }
}
