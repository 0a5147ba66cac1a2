package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import loginbot.TestBot;
import loginbot.dialogue.Cues.Answer;
import loginbot.nlu.Intent;
import loginbot.nlu.Language;
import loginbot.nlu.Prediction;
import loginbot.nlu.Reading;
import loginbot.nlu.Understanding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies to "Did that work?" read with the shipped word lists, without the classifier's help. */
class YesNoTest {
  private final CueReader reader = new CueReader(TestBot.shippedContent().words());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yes",
        "Oui!",
        "yep it worked",
        "ça marche",
        "it works now, thanks",
        "c'est bon merci",
        "I'm in!",
        "👍",
        "all good",
        "no problem now, thank you",
        "no more errors",
        "parfait",
        "no more error message, logged in",
        "couldn't be better",
        "not bad at all, I'm in"
      })
  void a_clear_yes_is_yes(String text) {
    assertThat(answer(text)).as(text).isEqualTo(Answer.YES);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no",
        "Non",
        "absolutely not",
        "definitely not",
        "not at all",
        "that isn't right",
        "didn't help",
        "it did not work",
        "not really",
        "still nothing",
        "nope, same error",
        "absolument pas",
        "pas du tout",
        "c'est pas ça",
        "pas vraiment",
        "ça n'a pas marché",
        "toujours pas",
        "ça ne fonctionne pas",
        "yes but it still fails",
        "oui mais ça ne marche pas",
        "I don't think it worked",
        "👎",
        "non, ça bloque encore",
        "ça n'a rien fait",
        "nothing changed, nothing at all",
        "can't login, same error",
        "cant log in, same error",
        "marche pô"
      })
  void a_negation_is_never_a_yes(String text) {
    assertThat(answer(text)).as(text).isEqualTo(Answer.NO);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sort of",
        "I think so?",
        "maybe",
        "je pense",
        "bof",
        "yes and no",
        "not sure",
        "peut-être",
        "I think it worked but I'm not sure",
        "ok I'll try",
        "yes, how do I change my email?",
        "j'ai réussi mais je vois le compte de quelqu'un d'autre",
        "🤔",
        "depends what you mean by working",
        "parfait, je teste ça ce soir"
      })
  void a_hedge_a_question_or_a_but_is_unclear(String text) {
    assertThat(answer(text)).as(text).isEqualTo(Answer.UNCLEAR);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "great, thanks!",
        "Perfect.",
        "that's awesome",
        "nice one",
        "super, merci",
        "Parfait !",
        "top, merci beaucoup",
        "Excellent. Thank you so much for the help"
      })
  void praise_that_is_the_answer_is_a_yes(String text) {
    assertThat(answer(text)).as(text).isEqualTo(Answer.YES);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "by the way your app looks really nice",
        "the new colours in the last version are great",
        "au fait votre appli est vraiment super jolie"
      })
  void a_compliment_in_passing_answers_nothing(String text) {
    assertThat(answer(text)).as(text).isEqualTo(Answer.NONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not great", "pas génial", "ça marche à moitié"})
  void praise_turned_around_or_half_a_success_is_never_a_yes(String text) {
    assertThat(answer(text)).as(text).isNotEqualTo(Answer.YES);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yeah it worked, still looking at the login page though",
        "oui ça a marché, je suis toujours sur l'écran de connexion"
      })
  void a_yes_then_still_at_the_start_is_never_a_yes(String text) {
    assertThat(answer(text)).as(text).isNotEqualTo(Answer.YES);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "the weather is lovely today",
        "j'ai faim",
        "my cat is called Felix",
        "bon, je vais prendre un café"
      })
  void text_with_no_yes_or_no_word_is_no_answer(String text) {
    assertThat(answer(text)).as(text).isEqualTo(Answer.NONE);
  }

  @Test
  void the_classifier_decides_only_short_messages_it_is_sure_of() {
    assertThat(answer("spot on", Intent.AFFIRM, 0.8)).isEqualTo(Answer.YES);
    assertThat(answer("spot on", Intent.AFFIRM, 0.3)).isEqualTo(Answer.NONE);
    assertThat(answer("the shop opens at nine on sundays", Intent.AFFIRM, 0.9))
        .isEqualTo(Answer.NONE);
    assertThat(answer("nah mate", Intent.DENY, 0.9)).isEqualTo(Answer.NO);
  }

  @Test
  void greetings_and_thanks_alone_are_small_talk() {
    assertThat(cues("Hi there!").smallTalk()).contains(Intent.GREETING);
    assertThat(cues("Salut").smallTalk()).contains(Intent.GREETING);
    assertThat(cues("merci beaucoup").smallTalk()).contains(Intent.GOODBYE);
    assertThat(cues("hi, I forgot my password").smallTalk()).isEmpty();
  }

  @Test
  void stated_facts_are_read_from_the_word_lists() {
    assertThat(cues("I already checked, her access is not revoked").stated())
        .containsEntry("access_revoked", "no");
    assertThat(cues("j'ai vérifié, son accès n'est pas révoqué").stated())
        .containsEntry("access_revoked", "no");
  }

  private Answer answer(String text) {
    return cues(text).answer();
  }

  private Answer answer(String text, Intent intent, double confidence) {
    Understanding u =
        new Understanding(
            Optional.of(intent),
            new Prediction(intent, confidence, Intent.OUT_OF_SCOPE, 0.01),
            Reading.of(text, Language.EN));
    return reader.read(u).answer();
  }

  private Cues cues(String text) {
    Understanding nothing =
        new Understanding(
            Optional.empty(),
            new Prediction(Intent.OUT_OF_SCOPE, 0.1, Intent.GREETING, 0.05),
            Reading.of(text, Language.EN));
    return reader.read(nothing);
  }
}
