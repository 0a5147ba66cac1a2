package loginbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP on the embedded database: a closed conversation keeps its record when the user
 * writes again (analytics and the agent API show both episodes), and a REST user without a callback
 * is told the truth about where the answer will be.
 */
class EpisodesIT {
  @TempDir Path dataDir;

  private static JsonNode rest(LiveBot bot, String sender, String text) {
    return bot.parse(
        bot.post(
            "/webhooks/rest/webhook",
            Map.of(
                "sender",
                sender,
                "message",
                text,
                "metadata",
                Map.of("role", "customer", "language", "en"))));
  }

  @Test
  void closed_then_a_new_message_keeps_the_old_episode_s_rating_handoff_and_case() {
    try (LiveBot bot = LiveBot.start(dataDir, Map.of())) {
      // given: a chat about a case, handed off, closed by an agent and rated 5
      rest(bot, "ep-1", "/case invalid_credentials");
      rest(bot, "ep-1", "I want to talk to a person");
      bot.agent("/api/conversations/ep-1/messages", Map.of("text", "Fixed it for you."));
      bot.agent("/api/conversations/ep-1/close", "");
      rest(bot, "ep-1", "/rate 5");

      // when: the user writes again
      JsonNode again = rest(bot, "ep-1", "hello");

      // then
      assertThat(again.toString()).doesNotContain("Fixed it for you");
      JsonNode view = bot.agentGet("/api/conversations/ep-1");
      assertThat(view.get("status").asText()).isEqualTo("bot");
      assertThat(view.get("episode").asInt()).isEqualTo(2);
      assertThat(view.get("handoff").isNull()).isTrue();
      JsonNode first = view.get("episodes").get(0);
      assertThat(first.get("outcome").asText()).isEqualTo("closed_by_agent");
      assertThat(first.get("rating").asInt()).isEqualTo(5);
      assertThat(first.get("caseId").asText()).isEqualTo("invalid_credentials");
      assertThat(first.get("handoff").get("reason").asText()).isEqualTo("USER_ASKED");
      assertThat(first.get("agent").asText()).isEqualTo("Alice");
      assertThat(first.get("firstHumanReplyAt").isNull()).isFalse();
      assertThat(view.get("episodes").get(1).get("outcome").isNull()).isTrue();
      JsonNode report = bot.agentGet("/api/analytics");
      assertThat(report.get("chats").asInt()).isEqualTo(2);
      assertThat(report.get("handoffReasons").get("user_asked").asInt()).isEqualTo(1);
      assertThat(report.get("cases").get("invalid_credentials").asInt()).isEqualTo(1);
      assertThat(report.get("satisfaction").get("ratingCounts").get("5").asInt()).isEqualTo(1);
      assertThat(report.get("outcomes").get("closed_by_agent").asInt()).isEqualTo(1);
    }
  }

  @Test
  void without_a_callback_a_rest_user_is_told_the_answer_waits_and_gets_it_when_writing_again() {
    try (LiveBot bot = LiveBot.start(dataDir, Map.of())) {
      JsonNode handoff = rest(bot, "ep-2", "I want to talk to a person");
      bot.agent("/api/conversations/ep-2/messages", Map.of("text", "Hi, Alice here."));

      JsonNode later = rest(bot, "ep-2", "hello?");

      assertThat(handoff.toString())
          .doesNotContain("here in this chat")
          .contains("Their answer will be waiting in this conversation when you come back to it")
          .contains(LiveBot.SUPPORT_EMAIL);
      assertThat(later).hasSize(1);
      assertThat(later.get(0).get("recipient_id").asText()).isEqualTo("ep-2");
      assertThat(later.get(0).get("text").asText()).isEqualTo("Hi, Alice here.");
      assertThat(rest(bot, "ep-2", "still there?")).isEmpty();
    }
  }
}
