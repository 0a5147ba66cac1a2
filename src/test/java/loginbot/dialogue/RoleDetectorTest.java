package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loginbot.TestBot;
import loginbot.nlu.Language;
import loginbot.nlu.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleDetectorTest {
  private final RoleDetector detector = new RoleDetector(TestBot.shippedContent().words());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "my client can't log in",
        "one of my customers forgot her password",
        "My clients get Account disabled",
        "a customer of mine has no email",
        "I'm a professional",
        "mon client n'arrive pas à se connecter",
        "ma cliente a oublié son mot de passe",
        "une de mes clientes a un compte désactivé",
        "je suis une professionnelle",
        "Mes clients ne reçoivent rien"
      })
  void wording_of_a_professional_is_recognised(String text) {
    assertThat(detector.detect(words(text))).as(text).contains(Role.PROFESSIONAL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I'm a customer and I forgot my password",
        "I am the account holder",
        "my professional told me to write here",
        "je suis cliente",
        "mon professionnel ne répond pas"
      })
  void wording_of_a_customer_is_recognised(String text) {
    assertThat(detector.detect(words(text))).as(text).contains(Role.CUSTOMER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I forgot my password",
        "I can't log in",
        "access to my client app was revoked",
        "j'ai oublié mon mot de passe",
        "je n'arrive pas à me connecter à mon compte",
        "my password is not accepted"
      })
  void a_first_person_message_about_ones_own_account_is_from_a_customer(String text) {
    assertThat(detector.detect(words(text))).as(text).contains(Role.CUSTOMER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hello",
        "I forgot her password",
        "j'ai réinitialisé son mot de passe",
        "how do I generate a temporary password?"
      })
  void wording_without_a_clue_or_about_someone_else_gives_no_role(String text) {
    assertThat(detector.detect(words(text))).as(text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "customer",
        "the customer",
        "client",
        "me",
        "titulaire",
        "moi-même",
        "it's my own account",
        "c'est pour moi",
        "for me"
      })
  void a_bare_answer_to_the_role_question_can_be_a_customer(String text) {
    assertThat(detector.answer(words(text))).as(text).contains(Role.CUSTOMER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pro",
        "professional",
        "professionnel",
        "Professionnelle",
        "a professional",
        "it's for a client",
        "pour une cliente"
      })
  void a_bare_answer_to_the_role_question_can_be_a_professional(String text) {
    assertThat(detector.answer(words(text))).as(text).contains(Role.PROFESSIONAL);
  }

  private static List<String> words(String text) {
    return Reading.of(text, Language.EN).words();
  }
}
