package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceVoteTest {
  private static TrainedNlu nlu;
  private final SentenceVote vote = new SentenceVote(0.3);

  @BeforeAll
  static void train() {
    nlu = TrainedNlu.around(FreshTraining.classifier(), FreshTraining.data(), DecisionRule.DEFAULT);
  }

  @Test
  void a_polite_question_after_the_problem_does_not_drown_it() {
    assertThat(
            nlu.understand(
                    "Good evening. My account says it has been disabled since this morning. What"
                        + " can I do about it?")
                .effectiveIntent())
        .isEqualTo(Intent.ACCOUNT_DISABLED);
    assertThat(
            nlu.understand(
                    "Bonsoir. Je n'ai jamais reçu le courriel pour changer mon mot de passe. Que"
                        + " faut-il faire ?")
                .effectiveIntent())
        .isEqualTo(Intent.RESET_EMAIL_MISSING);
  }

  @Test
  void a_greeting_alone_stays_a_greeting() {
    assertThat(nlu.understand("Hello there. Good morning!").effectiveIntent())
        .isEqualTo(Intent.GREETING);
  }

  @Test
  void the_most_confident_problem_sentence_wins_over_framing_sentences() {
    // given the whole message reads as a greeting
    Prediction whole = new Prediction(Intent.GREETING, 0.5, Intent.CANNOT_LOGIN, 0.3);
    Prediction problem = new Prediction(Intent.FORGOT_PASSWORD, 0.6, Intent.CANNOT_LOGIN, 0.2);
    Prediction weaker = new Prediction(Intent.CANNOT_LOGIN, 0.4, Intent.GREETING, 0.2);
    Prediction hello = new Prediction(Intent.GREETING, 0.9, Intent.GOODBYE, 0.05);

    // when
    Prediction combined = vote.combine(whole, true, List.of(hello, weaker, problem));

    // then
    assertThat(combined).isEqualTo(problem);
  }

  @Test
  void a_problem_read_in_the_whole_message_is_kept_and_weak_sentences_do_not_speak() {
    Prediction whole = new Prediction(Intent.APP_UPDATE, 0.5, Intent.CANNOT_LOGIN, 0.3);
    Prediction other = new Prediction(Intent.CANNOT_LOGIN, 0.9, Intent.GREETING, 0.05);
    Prediction oos = new Prediction(Intent.OUT_OF_SCOPE, 0.5, Intent.CANNOT_LOGIN, 0.3);
    Prediction weak = new Prediction(Intent.CANNOT_LOGIN, 0.2, Intent.GREETING, 0.1);

    assertThat(vote.combine(whole, true, List.of(other, other))).isEqualTo(whole);
    assertThat(vote.combine(oos, true, List.of(weak, oos))).isEqualTo(oos);
  }
}
