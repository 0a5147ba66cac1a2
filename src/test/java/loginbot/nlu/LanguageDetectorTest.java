package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {
  private static LanguageDetector detector;

  @BeforeAll
  static void train() {
    detector =
        LanguageDetector.train(
            TrainingData.load(Optional.empty()), new TextNormalizer(), Language.EN);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bonjour | FR",
        "salut | FR",
        "merci | FR",
        "non | FR",
        "oui | FR",
        "d'accord | FR",
        "allo | FR",
        "hi | EN",
        "hello | EN",
        "thanks | EN",
        "no | EN",
        "yes | EN",
        "nope | EN",
        "j'ai oublié mon mot de passe | FR",
        "jai oublie mon mdp | FR",
        "impossible de reinitialiser, le courriel arrive jamais | FR",
        "ma cliente voit « Compte désactivé » | FR",
        "I forgot my password | EN",
        "my client gets Invalid User / password | EN",
        "the reset email never came | EN",
      })
  void short_and_long_messages_get_their_language(String text, Language expected) {
    // given a message

    // when
    Optional<Language> guess = detector.guess(text);

    // then
    assertThat(guess).as(text).contains(expected);
  }

  @Test
  void a_message_both_languages_use_is_left_to_the_fallback() {
    // given "ok", which English and French speakers both write

    // when
    Optional<Language> guess = detector.guess("ok");

    // then
    assertThat(guess).isEmpty();
    assertThat(detector.detect("ok")).isEqualTo(Language.EN);
    assertThat(detector.detect("   ")).isEqualTo(Language.EN);
  }

  @Test
  void the_fallback_is_the_one_given_at_training() {
    // given
    LanguageDetector french =
        LanguageDetector.train(
            TrainingData.load(Optional.empty()), new TextNormalizer(), Language.FR);

    // when / then
    assertThat(french.detect("ok")).isEqualTo(Language.FR);
    assertThat(french.detect("thanks")).isEqualTo(Language.EN);
  }
}
