package loginbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.channel.ConversationService;
import loginbot.channel.InboundMessage;
import loginbot.channel.RateLimitedException;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;
import loginbot.store.InMemoryStore;
import org.junit.jupiter.api.Test;

/** The real service, dialogue and store, observed by the metrics and limited per sender. */
class ObservedConversationsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T10:00:00Z"));
  private final FakeTicker ticker = new FakeTicker();
  private final InMemoryStore store = new InMemoryStore(clock);
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ConversationService service =
      TestBot.builder()
          .clock(clock)
          .store(store)
          .gate(
              new SenderRateLimit(
                  new RateLimiter(new RateLimiter.Limit(60, 3), ticker, 100), registry))
          .observer(new TurnMetrics(registry))
          .build()
          .service;

  private void send(String sender, String text) {
    service.handle(
        new InboundMessage(
            "rest", sender, null, text, Optional.of(Role.CUSTOMER), Optional.of(Language.EN)));
    ticker.advance(Duration.ofSeconds(1));
  }

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void a_resolved_conversation_with_feedback_shows_in_metrics_and_analytics() {
    send("ann", "hi");
    send("ann", "/case invalid_credentials");
    send("ann", "no");
    send("ann", "yes it worked, thanks");
    send("ann", "/yes");
    send("ann", "/rate 5");

    assertThat(count("loginbot.messages", "channel", "rest", "language", "en")).isEqualTo(6);
    assertThat(count("loginbot.conversations.started", "channel", "rest")).isEqualTo(1);
    assertThat(count("loginbot.resolutions", "channel", "rest")).isEqualTo(1);
    assertThat(count("loginbot.feedback.helpful", "answer", "yes")).isEqualTo(1);
    assertThat(count("loginbot.feedback.ratings", "rating", "5")).isEqualTo(1);
    AnalyticsReport report =
        new Analytics(store, clock)
            .report(Instant.parse("2026-03-03T00:00:00Z"), Instant.parse("2026-03-04T00:00:00Z"));
    assertThat(report.chats()).isEqualTo(1);
    assertThat(report.resolvedByBot()).isEqualTo(1);
    assertThat(report.cases()).containsOnlyKeys("invalid_credentials");
    assertThat(report.satisfaction().helpfulShare()).isEqualTo(1.0);
    assertThat(report.satisfaction().averageRating()).isEqualTo(5.0);
    assertThat(report.notUnderstood()).isEmpty();
  }

  @Test
  void only_messages_the_dialogue_could_not_act_on_are_marked_not_understood() {
    send("eve", "hi");
    send("eve", "what is the weather on mars");
    send("eve", "/case invalid_credentials");
    send("eve", "no");

    assertThat(
            store.transcript("eve", 0).stream()
                .filter(
                    e ->
                        e.author() == loginbot.store.TranscriptEntry.Author.USER && !e.understood())
                .map(loginbot.store.TranscriptEntry::text))
        .containsExactly("what is the weather on mars");
    assertThat(count("loginbot.not_understood", "channel", "rest")).isEqualTo(1);
  }

  @Test
  void a_handoff_is_counted_with_its_reason() {
    send("bob", "I want to talk to a human");

    assertThat(count("loginbot.handoffs", "reason", "user_asked")).isEqualTo(1);
  }

  @Test
  void a_sender_over_its_limit_is_refused_before_anything_is_stored_while_others_go_on() {
    service.handle(message("carol", "hi"));
    service.handle(message("carol", "I can't log in"));
    service.handle(message("carol", "invalid password"));
    int storedLines = store.transcript("carol", 0).size();

    assertThatThrownBy(() -> service.handle(message("carol", "hello?")))
        .isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterSeconds()).isEqualTo(1));
    service.handle(message("dave", "hi"));

    assertThat(store.transcript("carol", 0)).hasSize(storedLines);
    assertThat(store.find("dave")).isPresent();
    assertThat(count("loginbot.rate_limited", "scope", "sender")).isEqualTo(1);
  }

  private static InboundMessage message(String sender, String text) {
    return new InboundMessage("rest", sender, null, text, Optional.empty(), Optional.empty());
  }
}
