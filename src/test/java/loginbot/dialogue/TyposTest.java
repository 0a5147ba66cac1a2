package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TyposTest {

  @Test
  void stretched_letters_count_once() {
    assertThat(Typos.squeeze("yesss")).isEqualTo("yes");
    assertThat(Typos.squeeze("ouiiii")).isEqualTo("oui");
    assertThat(Typos.squeeze("nooo")).isEqualTo("no");
    assertThat(Typos.squeeze("good")).isEqualTo("good");
  }

  @Test
  void one_slip_from_five_letters_is_forgiven() {
    assertThat(Typos.oneSlip("wroking", "working")).as("swapped").isTrue();
    assertThat(Typos.oneSlip("workd", "worked")).as("dropped").isTrue();
    assertThat(Typos.oneSlip("fonctionne", "fonctionner")).as("dropped at the end").isTrue();
    assertThat(Typos.oneSlip("fixxed", "fixed")).as("added").isTrue();
    assertThat(Typos.oneSlip("solced", "solved")).as("changed").isTrue();
  }

  @Test
  void short_words_a_wrong_first_letter_or_two_slips_are_not() {
    assertThat(Typos.oneSlip("yet", "yes")).isFalse();
    assertThat(Typos.oneSlip("forked", "worked")).isFalse();
    assertThat(Typos.oneSlip("wroked", "worked")).as("swap plus nothing else").isTrue();
    assertThat(Typos.oneSlip("wrkdd", "worked")).isFalse();
  }
}
