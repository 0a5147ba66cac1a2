package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SynonymsTest {
  private final TextNormalizer normalizer = new TextNormalizer();

  @Test
  void login_words_people_type_are_folded_into_the_words_the_classifier_learnt() {
    assertThat(normalizer.normalize("My pwd isn't accepted when I sign on"))
        .isEqualTo("my password isnt accepted when i login");
    assertThat(normalizer.normalize("Forgot my passcode, can u help")).contains("password", "you");
    assertThat(normalizer.normalize("J'ai oublié mon MDP, cmt faire la MàJ ?"))
        .isEqualTo("j ai oublie mon mot de passe comment faire la mise a jour");
    assertThat(normalizer.normalize("mon code d'accès")).isEqualTo("mon mot de passe");
  }

  @Test
  void the_longest_phrase_wins_and_other_words_stay_as_typed() {
    // given
    Synonyms synonyms =
        Synonyms.of(
            Map.of("test", Map.of("login", List.of("log in"), "logged in", List.of("log in ok"))));

    // when
    List<String> folded = synonyms.fold(List.of("i", "log", "in", "ok", "now", "log", "in"));

    // then
    assertThat(folded).containsExactly("i", "logged", "in", "now", "login");
  }

  @Test
  void a_phrase_with_two_replacements_is_refused_naming_the_file() {
    assertThatThrownBy(
            () ->
                Synonyms.of(
                    Map.of(
                        "en.yaml", Map.of("password", List.of("code")),
                        "fr.yaml", Map.of("mot de passe", List.of("code")))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'code' folds into both");
  }

  @Test
  void a_phrase_that_is_its_own_replacement_or_an_empty_list_is_refused() {
    assertThatThrownBy(
            () -> Synonyms.of(Map.of("en.yaml", Map.of("password", List.of("Password")))))
        .hasMessageContaining("en.yaml: 'Password' under 'password' folds nothing");
    assertThatThrownBy(() -> Synonyms.of(Map.of("en.yaml", Map.of("password", List.of()))))
        .hasMessageContaining("needs words and a list of phrases");
  }

  @Test
  void the_shipped_files_load_and_are_part_of_the_model_fingerprint() {
    assertThat(Synonyms.shipped().asMap())
        .containsEntry("pwd", "password")
        .containsEntry("mdp", "mot de passe");
  }
}
