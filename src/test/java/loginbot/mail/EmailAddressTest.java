package loginbot.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {
  @Test
  void complete_addresses_are_valid_and_incomplete_ones_are_not() {
    assertThat(EmailAddress.valid("jane.doe+help@example.co.uk")).isTrue();
    assertThat(EmailAddress.valid("jane@example")).isFalse();
    assertThat(EmailAddress.valid("jane@@example.com")).isFalse();
    assertThat(EmailAddress.valid("jane doe@example.com")).isFalse();
    assertThat(EmailAddress.valid("jane..doe@example.com")).isFalse();
    assertThat(EmailAddress.valid("a".repeat(250) + "@example.com")).isFalse();
  }

  @Test
  void an_address_is_found_in_what_the_user_typed_without_trailing_punctuation() {
    assertThat(EmailAddress.candidate("sure, it's jane@example.com.")).contains("jane@example.com");
    assertThat(EmailAddress.candidate("mon courriel : <marie@exemple.ca>"))
        .contains("marie@exemple.ca");
    assertThat(EmailAddress.candidate("no address here")).isEmpty();
  }

  @Test
  void the_domain_is_lower_cased_and_the_local_part_kept() {
    assertThat(EmailAddress.normalise("Marie.Dupont@Example.COM"))
        .isEqualTo("Marie.Dupont@example.com");
  }
}
