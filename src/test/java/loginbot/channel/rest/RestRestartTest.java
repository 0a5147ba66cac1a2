package loginbot.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loginbot.store.Episode;
import org.junit.jupiter.api.Test;

/**
 * Rasa habits over real HTTP: {@code /restart} starts a new episode, {@code /get_started} greets.
 */
class RestRestartTest {

  @Test
  void restart_over_rest_ends_the_episode_as_abandoned_and_greets_in_a_new_one() {
    try (RestServer rest = RestServer.start()) {
      // given: a case under way
      rest.post("{\"sender\":\"r1\",\"message\":\"I forgot my password\"}");

      // when
      RestServer.Answer answer = rest.post("{\"sender\":\"r1\",\"message\":\"/restart\"}");

      // then: the first episode is kept, as abandoned, and the user is greeted in the second
      assertThat(answer.code()).isEqualTo(200);
      assertThat(answer.body()).contains("the login assistant");
      List<Episode> episodes = rest.bot.store.episodes("rest:r1");
      assertThat(episodes).hasSize(2);
      assertThat(episodes.get(0).outcome()).isEqualTo(Episode.Outcome.ABANDONED);
      assertThat(episodes.get(0).caseId()).isEqualTo("forgot_password");
    }
  }

  @Test
  void get_started_then_restart_twice_never_offers_a_person() {
    try (RestServer rest = RestServer.start()) {
      // when
      String first = rest.post("{\"sender\":\"r2\",\"message\":\"/get_started\"}").body();
      String second = rest.post("{\"sender\":\"r2\",\"message\":\"/restart\"}").body();
      String third = rest.post("{\"sender\":\"r2\",\"message\":\"/restart\"}").body();

      // then
      for (String body : List.of(first, second, third)) {
        assertThat(body).contains("the login assistant").doesNotContain("talk to a person");
      }
    }
  }
}
