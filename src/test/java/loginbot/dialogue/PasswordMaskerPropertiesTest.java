package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import loginbot.nlu.Language;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the masker over random text, random passwords and random surroundings. */
class PasswordMaskerPropertiesTest {
  private static final List<String> LABELLED =
      List.of(
          "my password is %s",
          "password: %s",
          "pwd=%s",
          "mdp : %s",
          "mon mot de passe est %s",
          "mon mdp c'est %s",
          "\nPassword\n%s\n",
          "user alain_sirois pass %s",
          "%s is my password",
          "my password is \"%s\"",
          "password %s");
  private static final List<String> WORDS =
      List.of(
          "hello",
          "please",
          "help",
          "the",
          "app",
          "says",
          "invalid",
          "since",
          "yesterday",
          "merci",
          "bonjour",
          "ça",
          "marche",
          "pas",
          "login",
          "again",
          "thanks",
          "svp",
          "error",
          "today");

  private final PasswordMasker masker = new PasswordMasker();
  private final PasswordShapes shapes =
      PasswordShapes.of(loginbot.dialogue.content.MaskingWords.shipped());

  @Property(tries = 2000)
  void any_text_is_masked_without_error_and_masking_twice_changes_nothing(
      @ForAll("anyText") String text, @ForAll boolean asked) {
    Masked once = masker.mask(text, asked ? afterPasswordQuestion() : null);
    Masked twice = masker.mask(once.text(), asked ? afterPasswordQuestion() : null);

    assertThat(twice.text()).isEqualTo(once.text());
    assertThat(once.hadPassword()).isEqualTo(!once.text().equals(text));
  }

  @Property(tries = 2000)
  void a_labelled_password_of_any_shape_disappears_whole(
      @ForAll("passwords") String password,
      @ForAll("templates") String template,
      @ForAll("chatter") String before,
      @ForAll("chatter") String after) {
    Assume.that(!password.matches(".*@.*\\..*"));
    String text = (before + " " + String.format(template, password) + " " + after).strip();

    Masked masked = masker.mask(text, null);

    assertThat(masked.hadPassword()).as(text).isTrue();
    assertThat(masked.text()).as(text).doesNotContain(password);
    for (int i = 0; i + 4 <= password.length(); i++) {
      assertThat(masked.text()).as(text).doesNotContain(password.substring(i, i + 4));
    }
  }

  @Property(tries = 1000)
  void a_bare_password_right_after_a_password_question_disappears_whole(
      @ForAll("passwords") String password) {
    // Lowercase dotted names are read as usernames, and v1.2.x as a version: those are kept.
    Assume.that(shapes.strong(password));

    Masked masked = masker.mask(password, afterPasswordQuestion());

    assertThat(masked.text()).isEqualTo(PasswordMasker.MASK);
  }

  @Property(tries = 1000)
  void lowercase_chatter_without_a_label_is_never_touched(
      @ForAll("chatter") String text, @ForAll boolean asked) {
    Masked masked = masker.mask(text, asked ? afterPasswordQuestion() : null);

    assertThat(masked.text()).isEqualTo(text);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings().withChars("pasword mdt:=\"'«» /|\n_@.!#12Ab😺").ofMaxLength(120),
        Combinators.combine(anyWordsWithLabels(), Arbitraries.strings().all().ofMaxLength(20))
            .as((a, b) -> a + " " + b));
  }

  private Arbitrary<String> anyWordsWithLabels() {
    return Arbitraries.of(
            "password", "mdp", "is", "est", ":", "=", "«", "»", "\"", "pass", "user", "/", "as")
        .list()
        .ofMaxSize(8)
        .map(l -> String.join(" ", l));
  }

  /**
   * Passwords of 6 to 18 characters, with letters, a digit, printable symbols, accents and emoji; a
   * letter at each end, since a quote or bracket there cannot be told from quoting.
   */
  @Provide
  Arbitrary<String> passwords() {
    Arbitrary<String> middle =
        Arbitraries.strings()
            .withCharRange('!', '~')
            .withChars("éàçüÉÀÇ€£§°¿¡«»“”’")
            .ofMinLength(3)
            .ofMaxLength(12);
    Arbitrary<String> emoji = Arbitraries.of("", "", "", "😺", "🔑", "🇨🇦", "👍🏽");
    Arbitrary<Character> letter =
        Arbitraries.chars().range('a', 'z').range('A', 'Z').range('à', 'ÿ');
    Arbitrary<Character> digit = Arbitraries.chars().range('0', '9');
    return Combinators.combine(letter, middle, emoji, digit, letter)
        .as((l, m, e, d, l2) -> l + m + e + d + l2);
  }

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.of(LABELLED);
  }

  @Provide
  Arbitrary<String> chatter() {
    return Arbitraries.of(WORDS).list().ofMaxSize(6).map(l -> String.join(" ", l));
  }

  private static ConversationState afterPasswordQuestion() {
    return new ConversationState(
        Status.BOT,
        Role.CUSTOMER,
        Language.EN,
        "invalid_credentials",
        0,
        ConversationState.Awaiting.OUTCOME,
        List.of(),
        Map.of(),
        0,
        false,
        List.of(),
        "check_credentials",
        null,
        null,
        null,
        true);
  }
}
