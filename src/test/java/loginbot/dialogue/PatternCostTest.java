package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The patterns that read every word of a message look at each character a bounded number of times,
 * so a long word costs in proportion to its length: counted in character reads, not timed.
 */
class PatternCostTest {
  private static final int LENGTH = 20_000;

  @Test
  void a_long_lower_case_word_is_not_read_again_for_each_of_its_letters_as_a_username() {
    Counting word = new Counting("a".repeat(LENGTH));

    boolean username = PasswordShapes.USERNAME.matcher(word).matches();

    assertThat(username).isFalse();
    assertThat(word.reads).isLessThan(10L * LENGTH);
  }

  @Test
  void a_long_word_with_no_at_sign_is_not_read_again_from_each_letter_as_an_e_mail() {
    Counting text = new Counting("my email is " + "b".repeat(LENGTH));

    boolean found = FactExtractor.EMAIL.matcher(text).find();

    assertThat(found).isFalse();
    assertThat(text.reads).isLessThan(10L * text.length());
  }

  @Test
  void usernames_and_e_mails_are_still_found() {
    assertThat(PasswordShapes.USERNAME.matcher("jean.dupont2").matches()).isTrue();
    assertThat(PasswordShapes.USERNAME.matcher("dupont_2024").matches()).isTrue();
    assertThat(PasswordShapes.USERNAME.matcher("2024_2025").matches()).isFalse();
    Pattern email = FactExtractor.EMAIL;
    assertThat(email.matcher("write to ana.b+x@mail.example.com please").find()).isTrue();
  }

  /** A text that counts how often the pattern reads one of its characters. */
  private static final class Counting implements CharSequence {
    private final String text;
    long reads;

    Counting(String text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      reads++;
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
