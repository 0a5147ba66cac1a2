package loginbot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPartsTest {

  @Test
  void a_text_within_the_limit_is_one_part() {
    assertThat(TextParts.split("  I can't log in  ", 4000)).containsExactly("I can't log in");
  }

  @Test
  void a_long_text_is_cut_between_paragraphs_first() {
    String first = "My app says invalid password. ".repeat(20).strip();
    String second = "I tried the reset link twice. ".repeat(20).strip();

    List<String> parts = TextParts.split(first + "\n\n" + second, 700);

    assertThat(parts).containsExactly(first, second);
  }

  @Test
  void without_paragraphs_it_is_cut_after_a_sentence() {
    String text = "The app shows an error. ".repeat(40).strip();

    List<String> parts = TextParts.split(text, 100);

    assertThat(parts).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(100).endsWith("."));
    assertThat(String.join(" ", parts)).isEqualTo(text);
  }

  @Test
  void a_text_without_any_space_loses_nothing_nor_splits_a_surrogate_pair() {
    String text = "😀".repeat(30);

    List<String> parts = TextParts.split(text, 7);

    assertThat(parts).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(7));
    assertThat(String.join("", parts)).isEqualTo(text);
    assertThat(parts).allSatisfy(p -> assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse());
  }
}
