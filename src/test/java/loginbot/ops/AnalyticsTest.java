package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.dialogue.HandoffPacket.Reason;
import loginbot.dialogue.Status;
import loginbot.nlu.Language;
import loginbot.ops.AnalyticsReport.NotUnderstood;
import loginbot.store.InMemoryStore;
import org.junit.jupiter.api.Test;

class AnalyticsTest {
  private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant NEXT_MONDAY = Instant.parse("2026-03-09T00:00:00Z");

  private final MutableClock clock = new MutableClock(MONDAY);
  private final InMemoryStore store = new InMemoryStore(clock);
  private final Conversations conversations = new Conversations(store, clock);
  private final Analytics analytics = new Analytics(store, clock);

  private static Instant day(int dayOfMarch, int hour) {
    return Instant.parse(String.format("2026-03-%02dT%02d:00:00Z", dayOfMarch, hour));
  }

  private AnalyticsReport week() {
    clock.set(day(20, 0));
    return analytics.report(MONDAY, NEXT_MONDAY);
  }

  @Test
  void chats_are_the_conversations_started_in_the_period_with_their_outcome() {
    conversations
        .start("resolved", "rest", Language.EN)
        .user(day(2, 9), "I forgot my password", "forgot_password", true)
        .state(Status.CLOSED, "invalid_credentials", true)
        .end(day(2, 10));
    conversations
        .start("asked-human", "widget", Language.FR)
        .user(day(3, 9), "je veux un humain", "human_agent", true)
        .handoff(Reason.USER_ASKED, day(3, 9))
        .end(day(3, 9));
    conversations
        .start("exhausted", "widget", Language.FR)
        .user(day(4, 9), "compte désactivé", "account_disabled", true)
        .state(Status.BOT, "account_disabled", false)
        .handoff(Reason.STEPS_EXHAUSTED, day(4, 10))
        .end(day(4, 10));
    conversations
        .start("abandoned", "rest", Language.EN)
        .user(day(5, 9), "hello", "greeting", true)
        .end(day(5, 9));
    conversations
        .start("last-week", "rest", Language.EN)
        .user(day(1, 9), "hello", "greeting", true)
        .end(day(2, 12));
    conversations
        .start("next-week", "rest", Language.EN)
        .user(day(9, 9), "hello", "greeting", true)
        .end(day(9, 9));

    AnalyticsReport report = week();

    assertThat(report.chats()).isEqualTo(4);
    assertThat(report.channels()).containsExactly(entry("rest", 2), entry("widget", 2));
    assertThat(report.languages()).containsEntry("en", 2).containsEntry("fr", 2);
    assertThat(report.resolvedByBot()).isEqualTo(1);
    assertThat(report.resolutionRate()).isEqualTo(0.25);
    assertThat(report.handedOff()).isEqualTo(2);
    assertThat(report.handoffRate()).isEqualTo(0.5);
    assertThat(report.handoffReasons())
        .containsOnly(entry("user_asked", 1), entry("steps_exhausted", 1));
    assertThat(report.unfinished()).isEqualTo(1);
    assertThat(report.cases())
        .containsOnly(entry("invalid_credentials", 1), entry("account_disabled", 1));
  }

  @Test
  void a_conversation_handed_back_to_the_bot_still_counts_as_handed_off_with_its_reason() {
    // given: through the real service, a person is asked for, answers, and hands back
    clock.set(day(3, 9));
    var bot = TestBot.builder().clock(clock).store(store).build();
    bot.say("handed-back", "I want to talk to a person");
    clock.set(day(3, 10));
    bot.service.agentReply("handed-back", "alice", "Hi, I reset it for you");
    clock.set(day(3, 11));
    bot.service.handBack("handed-back", "alice");

    AnalyticsReport report = week();

    assertThat(report.handedOff()).isEqualTo(1);
    assertThat(report.handoffReasons()).containsOnly(entry("user_asked", 1));
    assertThat(report.firstHumanReply().answered()).isEqualTo(1);
    assertThat(report.firstHumanReply().medianSeconds()).isEqualTo(3600.0);
  }

  @Test
  void a_user_writing_again_to_a_closed_chat_starts_a_second_chat_and_the_first_keeps_its_record() {
    // given: a chat handed off, closed by an agent and rated 5
    clock.set(day(3, 9));
    var bot = TestBot.builder().clock(clock).store(store).build();
    bot.say("back-again", "/case invalid_credentials");
    bot.say("back-again", "/role customer");
    bot.say("back-again", "I want to talk to a person");
    bot.service.close("back-again", "alice");
    bot.say("back-again", "/rate 5");

    // when: two days later the user writes again
    clock.set(day(5, 9));
    bot.say("back-again", "hello");
    AnalyticsReport report = week();

    // then: two chats; the first still has its rating, its handoff and its case
    assertThat(report.chats()).isEqualTo(2);
    assertThat(report.outcomes()).containsOnly(entry("closed_by_agent", 1), entry("open", 1));
    assertThat(report.handoffReasons()).containsOnly(entry("user_asked", 1));
    assertThat(report.cases()).containsOnly(entry("invalid_credentials", 1));
    assertThat(report.satisfaction().ratingCounts()).containsOnly(entry("5", 1));
  }

  @Test
  void messages_not_understood_are_grouped_counted_and_limited_to_the_period() {
    conversations
        .start("a", "rest", Language.EN)
        .user(day(1, 9), "what is the weather", "out_of_scope", false)
        .user(day(3, 9), "What is the weather?", "out_of_scope", false)
        .user(day(3, 10), "/yes", "out_of_scope", false)
        .user(day(3, 11), "my account is locked", "account_disabled", true)
        .end(day(3, 11));
    conversations
        .start("b", "widget", Language.FR)
        .user(day(4, 9), "what  is the WEATHER", "out_of_scope", false)
        .user(day(4, 10), "je ne reçois pas le courriel", "out_of_scope", false)
        .end(day(4, 10));

    AnalyticsReport report = week();

    assertThat(report.userMessages()).isEqualTo(5);
    assertThat(report.notUnderstoodMessages()).isEqualTo(3);
    assertThat(report.notUnderstood())
        .containsExactly(
            new NotUnderstood("What is the weather?", 2, 2, day(4, 9)),
            new NotUnderstood("je ne reçois pas le courriel", 1, 1, day(4, 10)));
  }

  @Test
  void satisfaction_counts_helpful_answers_and_averages_ratings() {
    conversations
        .start("happy", "rest", Language.EN)
        .user(day(2, 9), "hi", "greeting", true)
        .state(Status.CLOSED, "forgot_password", true)
        .feedback(true, 5)
        .end(day(2, 10));
    conversations
        .start("fine", "rest", Language.EN)
        .user(day(3, 9), "hi", "greeting", true)
        .state(Status.CLOSED, "forgot_password", true)
        .feedback(true, 4)
        .end(day(3, 10));
    conversations
        .start("unhappy", "widget", Language.FR)
        .user(day(4, 9), "salut", "greeting", true)
        .state(Status.CLOSED, "app_update", true)
        .feedback(false, null)
        .end(day(4, 10));
    conversations
        .start("silent", "widget", Language.FR)
        .user(day(5, 9), "salut", "greeting", true)
        .state(Status.CLOSED, "app_update", true)
        .end(day(5, 10));

    AnalyticsReport.Satisfaction satisfaction = week().satisfaction();

    assertThat(satisfaction.helpfulAnswers()).isEqualTo(3);
    assertThat(satisfaction.helpfulYes()).isEqualTo(2);
    assertThat(satisfaction.helpfulShare()).isEqualTo(2.0 / 3);
    assertThat(satisfaction.ratings()).isEqualTo(2);
    assertThat(satisfaction.averageRating()).isEqualTo(4.5);
    assertThat(satisfaction.ratingCounts()).containsOnly(entry("4", 1), entry("5", 1));
  }

  @Test
  void an_empty_period_has_no_rates_rather_than_divisions_by_zero() {
    AnalyticsReport report = week();

    assertThat(report.chats()).isZero();
    assertThat(report.resolutionRate()).isNull();
    assertThat(report.handoffRate()).isNull();
    assertThat(report.satisfaction().averageRating()).isNull();
    assertThat(report.notUnderstood()).isEmpty();
  }

  @Test
  void a_period_must_be_ordered_and_bounded() {
    assertThatThrownBy(() -> analytics.report(NEXT_MONDAY, MONDAY)).hasMessageContaining("before");
    assertThatThrownBy(
            () -> analytics.report(MONDAY, MONDAY.plus(Analytics.MAX_PERIOD).plusSeconds(1)))
        .hasMessageContaining("at most");
  }

  @Test
  void the_export_has_one_line_per_distinct_message_with_a_placeholder_label() {
    List<NotUnderstood> messages =
        List.of(
            new NotUnderstood("what is the weather", 2, 2, day(3, 9)),
            new NotUnderstood("line one\nline\ttwo", 1, 1, day(3, 9)));

    String tsv = AnalyticsApi.tsv(messages, "out_of_scope");

    assertThat(tsv)
        .isEqualTo("out_of_scope\twhat is the weather\nout_of_scope\tline one line two\n");
    assertThat(AnalyticsApi.tsv(messages, "")).startsWith("\twhat is the weather\n");
  }

  private static java.util.Map.Entry<String, Integer> entry(String key, int value) {
    return java.util.Map.entry(key, value);
  }
}
