package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactExtractorTest {

  @Test
  void an_email_address_is_the_identifier() {
    assertThat(FactExtractor.extract("I log in with Jane.Doe+app@example.co.uk, it fails"))
        .containsEntry("identifier", "Jane.Doe+app@example.co.uk")
        .containsEntry("identifier_type", "email");
  }

  @Test
  void a_username_is_the_identifier_labelled_or_with_an_underscore() {
    assertThat(FactExtractor.extract("my username is jsmith"))
        .containsEntry("identifier", "jsmith")
        .containsEntry("identifier_type", "username");
    assertThat(FactExtractor.extract("mon nom d'utilisateur est marc.dubois"))
        .containsEntry("identifier", "marc.dubois");
    assertThat(FactExtractor.extract("she types alain_sirois and it says invalid"))
        .containsEntry("identifier", "alain_sirois");
  }

  @Test
  void versions_and_ordinary_dotted_words_are_not_usernames() {
    assertThat(FactExtractor.extract("I'm on version 2.3.1, e.g. the newest"))
        .doesNotContainKey("identifier")
        .containsEntry("app_version", "2.3.1");
    assertThat(FactExtractor.extract("username or email?")).doesNotContainKey("identifier");
  }

  @Test
  void platform_companies_and_spam_are_noted() {
    assertThat(FactExtractor.extract("on my iPhone")).containsEntry("app_platform", "ios");
    assertThat(FactExtractor.extract("Samsung phone")).containsEntry("app_platform", "android");
    assertThat(FactExtractor.extract("my client is in two companies"))
        .containsEntry("several_companies", "yes");
    assertThat(FactExtractor.extract("il fait partie de plusieurs entreprises"))
        .containsEntry("several_companies", "yes");
    assertThat(FactExtractor.extract("I already checked my spam"))
        .containsEntry("spam_checked", "yes");
    assertThat(FactExtractor.extract("rien dans les pourriels non plus"))
        .containsEntry("spam_checked", "yes");
    assertThat(FactExtractor.extract("where is the spam folder?"))
        .doesNotContainKey("spam_checked");
  }
}
