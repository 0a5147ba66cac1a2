package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
  // The folding itself, without synonyms (SynonymsTest covers those).
  private final TextNormalizer normalizer = new TextNormalizer(Synonyms.none());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Réinitialiser mon MOT DE PASSE   | reinitialiser mon mot de passe",
        "ÉCHEC, ça ne marche pô           | echec ca ne marche po",
        "mon cœur                         | mon coeur",
        "j'ai oublié                      | j ai oublie",
        "J’AI OUBLIÉ                      | j ai oublie",
        "l'application s'ouvre pas        | l application s ouvre pas",
        "qu'est-ce que c'est              | qu est ce que c est",
        "jusqu'à hier                     | jusqu a hier",
        "can't log in, I'm stuck          | cant log in im stuck",
        "my client’s account              | my clients account",
        "aujourd'hui                      | aujourdhui",
      })
  void folds_case_accents_elisions_and_contractions(String text, String expected) {
    // given a message as people type it

    // when
    String normalized = normalizer.normalize(text);

    // then
    assertThat(normalized).isEqualTo(expected);
  }

  @Test
  void quoted_error_text_keeps_its_words_without_the_quotes() {
    // given
    String text = "it says “Invalid User / password”!! and «Compte désactivé»";

    // when
    String normalized = normalizer.normalize(text);

    // then
    assertThat(normalized).isEqualTo("it says invalid user password and compte desactive");
  }

  @Test
  void punctuation_and_runs_of_whitespace_become_single_spaces() {
    // given
    String text = "  hello...\n\tanyone???  (help)  ";

    // when
    String[] tokens = normalizer.tokens(text);

    // then
    assertThat(tokens).containsExactly("hello", "anyone", "help");
  }

  @Test
  void emails_and_links_become_placeholder_words() {
    // given
    String text = "my email is Jane.Doe@Example.com, see https://example.com/help";

    // when
    String normalized = normalizer.normalize(text);

    // then
    assertThat(normalized).isEqualTo("my email is email see link");
  }

  @Test
  void an_emoji_stays_a_word_of_its_own() {
    // given
    String text = "👍👍";

    // when
    String[] tokens = normalizer.tokens(text);

    // then
    assertThat(tokens).containsExactly("emoji1f44d", "emoji1f44d");
  }

  @Test
  void blank_or_missing_text_has_no_tokens() {
    // given / when / then
    assertThat(normalizer.tokens("  \n ")).isEmpty();
    assertThat(normalizer.tokens("?!...")).isEmpty();
    assertThat(normalizer.tokens(null)).isEmpty();
  }
}
