package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.dialogue.Status;
import loginbot.nlu.Language;
import loginbot.store.InMemoryStore;
import loginbot.web.AgentAuth;
import loginbot.web.Json;
import loginbot.web.WebServer;
import org.junit.jupiter.api.Test;

/** What a team lead reads each morning: waits and handling times by agent, and trends per day. */
class AnalyticsTrendsApiTest {
  private static final String TOKEN = "agent-token-0123456789";

  private final MutableClock clock = new MutableClock(at(2, 0, 0));
  private final InMemoryStore store = new InMemoryStore(clock);
  private final TestBot bot = TestBot.builder().clock(clock).store(store).build();

  private static Instant at(int dayOfMarch, int hour, int minute) {
    return Instant.parse(String.format("2026-03-%02dT%02d:%02d:00Z", dayOfMarch, hour, minute));
  }

  /** A user asks for a person at {@code asked}; the agent answers and later closes the chat. */
  private void handled(String id, String agent, Instant asked, Instant answered, Instant closed) {
    clock.set(asked);
    bot.say(id, "I want to talk to a person");
    clock.set(answered);
    bot.service.agentReply(id, agent, "Hello, I am looking at your account now");
    clock.set(closed);
    bot.service.close(id, agent);
  }

  private JsonNode report(String query) throws Exception {
    JsonNode[] result = new JsonNode[1];
    Javalin server =
        WebServer.create(
            Json.newMapper(),
            List.of(
                new AnalyticsApi(
                    new Analytics(store, clock), new AgentAuth(Map.of(TOKEN, "lead")), clock)));
    TestBot.serve(
        server,
        (s, client) -> {
          var response =
              client.get(
                  "/api/analytics?" + query, r -> r.header("Authorization", "Bearer " + TOKEN));
          assertThat(response.code()).isEqualTo(200);
          result[0] = Json.newMapper().readTree(response.body().string());
        });
    return result[0];
  }

  @Test
  void waits_and_handling_times_are_given_overall_and_by_agent_and_outcomes_day_by_day()
      throws Exception {
    // given: alice takes two chats, bob one (waits 10, 30 and 20 min; handled 40, 90, 60 min)
    handled("a", "alice", at(3, 9, 0), at(3, 9, 10), at(3, 9, 40));
    handled("b", "bob", at(3, 10, 0), at(3, 10, 30), at(3, 11, 30));
    handled("c", "alice", at(4, 9, 0), at(4, 9, 20), at(4, 10, 0));
    // and: a chat the bot resolved on the 4th, found helpful and rated 4
    new Conversations(store, clock)
        .start("d", "widget", Language.EN)
        .user(at(4, 12, 0), "I forgot my password", "forgot_password", true)
        .state(Status.CLOSED, "invalid_credentials", true)
        .feedback(true, 4)
        .end(at(4, 12, 5));
    clock.set(at(6, 0, 0));

    // when: the lead asks for the 2nd to the 4th
    JsonNode report = report("from=2026-03-02&to=2026-03-05");

    // then: four chats (episodes), medians overall and per agent
    assertThat(report.get("chats").asInt()).isEqualTo(4);
    assertThat(report.at("/firstHumanReply/answered").asInt()).isEqualTo(3);
    assertThat(report.at("/firstHumanReply/medianSeconds").asDouble()).isEqualTo(1200.0);
    assertThat(report.at("/handlingTime/handled").asInt()).isEqualTo(3);
    assertThat(report.at("/handlingTime/medianSeconds").asDouble()).isEqualTo(3600.0);
    JsonNode alice = report.at("/agents/0");
    JsonNode bob = report.at("/agents/1");
    assertThat(report.get("agents")).hasSize(2);
    assertThat(alice.get("agent").asText()).isEqualTo("alice");
    assertThat(alice.get("chats").asInt()).isEqualTo(2);
    assertThat(alice.at("/firstHumanReply/medianSeconds").asDouble()).isEqualTo(900.0);
    assertThat(alice.at("/handlingTime/medianSeconds").asDouble()).isEqualTo(3000.0);
    assertThat(bob.get("agent").asText()).isEqualTo("bob");
    assertThat(bob.get("chats").asInt()).isEqualTo(1);
    assertThat(bob.at("/firstHumanReply/medianSeconds").asDouble()).isEqualTo(1800.0);
    assertThat(bob.at("/handlingTime/medianSeconds").asDouble()).isEqualTo(5400.0);

    // and: one point per day of the period, the empty day included
    JsonNode days = report.get("days");
    assertThat(days).hasSize(3);
    assertThat(days.at("/0/date").asText()).isEqualTo("2026-03-02");
    assertThat(days.at("/0/chats").asInt()).isZero();
    assertThat(days.at("/0/resolutionRate").isNull()).isTrue();
    assertThat(days.at("/1/date").asText()).isEqualTo("2026-03-03");
    assertThat(days.at("/1/chats").asInt()).isEqualTo(2);
    assertThat(days.at("/1/handedOff").asInt()).isEqualTo(2);
    assertThat(days.at("/1/handoffRate").asDouble()).isEqualTo(1.0);
    assertThat(days.at("/1/resolutionRate").asDouble()).isZero();
    assertThat(days.at("/2/date").asText()).isEqualTo("2026-03-04");
    assertThat(days.at("/2/chats").asInt()).isEqualTo(2);
    assertThat(days.at("/2/resolutionRate").asDouble()).isEqualTo(0.5);
    assertThat(days.at("/2/handoffRate").asDouble()).isEqualTo(0.5);
    assertThat(days.at("/2/helpfulShare").asDouble()).isEqualTo(1.0);
    assertThat(days.at("/2/averageRating").asDouble()).isEqualTo(4.0);
  }

  @Test
  void a_user_coming_back_counts_as_a_second_chat_on_the_day_they_came_back() throws Exception {
    // given: a chat closed by alice on the 3rd, and the same user writing again on the 4th
    handled("back", "alice", at(3, 9, 0), at(3, 9, 5), at(3, 9, 15));
    clock.set(at(4, 8, 0));
    bot.say("back", "hello");
    clock.set(at(6, 0, 0));

    JsonNode report = report("from=2026-03-03&to=2026-03-05");

    assertThat(report.get("chats").asInt()).isEqualTo(2);
    assertThat(report.at("/days/0/chats").asInt()).isEqualTo(1);
    assertThat(report.at("/days/1/chats").asInt()).isEqualTo(1);
    assertThat(report.at("/agents/0/chats").asInt()).isEqualTo(1);
    assertThat(report.at("/handlingTime/medianSeconds").asDouble()).isEqualTo(900.0);
  }
}
