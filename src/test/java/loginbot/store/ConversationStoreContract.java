package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import loginbot.MutableClock;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Status;
import loginbot.store.TranscriptEntry.Author;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConversationStore} does, with {@link InMemoryStore} as the reference.
 * Subclasses open the store under test; each test gets an empty one.
 */
abstract class ConversationStoreContract {
  protected final MutableClock clock = new MutableClock();
  protected ConversationStore store;

  protected abstract ConversationStore open(MutableClock clock) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open(clock);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  Instant now() {
    return clock.instant();
  }

  @Test
  void first_turn_creates_the_conversation_with_its_state_channel_and_times() {
    TurnResult result = store.runTurn("c1", "rest", "m1", Turns.echo("hello", now()));

    ConversationRecord stored = store.find("c1").orElseThrow();
    assertThat(result.duplicate()).isFalse();
    assertThat(stored.state()).isEqualTo(result.state());
    assertThat(Turns.count(stored.state())).isEqualTo(1);
    assertThat(stored.channel()).isEqualTo("rest");
    assertThat(stored.createdAt()).isEqualTo(now());
    assertThat(stored.updatedAt()).isEqualTo(now());
    assertThat(stored.handoff()).isEmpty();
    assertThat(result.replies()).extracting(r -> r.text()).containsExactly("echo 1: hello");
  }

  @Test
  void next_turn_sees_the_state_the_previous_turn_wrote_and_keeps_the_first_channel() {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));
    clock.advance(Duration.ofSeconds(5));

    TurnResult second = store.runTurn("c1", "agent", "m2", Turns.echo("two", now()));

    ConversationRecord stored = store.find("c1").orElseThrow();
    assertThat(second.replies().get(0).text()).isEqualTo("echo 2: two");
    assertThat(stored.channel()).isEqualTo("rest");
    assertThat(stored.updatedAt()).isEqualTo(now());
    assertThat(stored.createdAt()).isEqualTo(now().minusSeconds(5));
  }

  @Test
  void message_delivered_twice_runs_one_turn_and_returns_the_first_replies() {
    AtomicInteger runs = new AtomicInteger();
    TurnLogic counted =
        current -> {
          runs.incrementAndGet();
          return Turns.echo("hello", now()).apply(current);
        };
    TurnResult first = store.runTurn("c1", "rest", "m1", counted);

    TurnResult again = store.runTurn("c1", "rest", "m1", counted);

    assertThat(runs).hasValue(1);
    assertThat(again.duplicate()).isTrue();
    assertThat(again.replies()).isEqualTo(first.replies());
    assertThat(again.appended()).isEmpty();
    assertThat(store.transcript("c1", 0)).hasSize(2);
  }

  @Test
  void duplicate_reports_the_state_as_it_is_now_not_as_it_was() {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));
    store.runTurn("c1", "rest", "m2", Turns.echo("two", now()));

    TurnResult again = store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));

    assertThat(again.duplicate()).isTrue();
    assertThat(Turns.count(again.state())).isEqualTo(2);
    assertThat(again.replies().get(0).text()).isEqualTo("echo 1: one");
  }

  @Test
  void same_message_id_in_another_conversation_is_another_message() {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));

    TurnResult other = store.runTurn("c2", "rest", "m1", Turns.echo("one", now()));

    assertThat(other.duplicate()).isFalse();
  }

  @Test
  void messages_without_id_are_never_deduplicated() {
    store.runTurn("c1", "rest", null, Turns.echo("same", now()));

    TurnResult second = store.runTurn("c1", "rest", null, Turns.echo("same", now()));

    assertThat(second.duplicate()).isFalse();
    assertThat(second.replies().get(0).text()).isEqualTo("echo 2: same");
  }

  @Test
  void a_failing_turn_writes_nothing_and_its_message_can_be_delivered_again() {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));

    assertThatThrownBy(() -> store.runTurn("c1", "rest", "m2", Turns.failing()))
        .hasMessage("the logic failed");
    TurnResult retried = store.runTurn("c1", "rest", "m2", Turns.echo("two", now()));

    assertThat(retried.duplicate()).isFalse();
    assertThat(retried.replies().get(0).text()).isEqualTo("echo 2: two");
    assertThat(store.transcript("c1", 0)).hasSize(4);
  }

  @Test
  void transcript_keeps_every_field_in_order_and_reads_after_a_sequence_number() {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));
    store.runTurn("c1", "rest", "m2", Turns.echo("two", now()));

    List<TranscriptEntry> all = store.transcript("c1", 0);
    List<TranscriptEntry> later = store.transcript("c1", 2);

    assertThat(all).extracting(TranscriptEntry::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(all)
        .extracting(TranscriptEntry::text)
        .containsExactly("one", "echo 1: one", "two", "echo 2: two");
    assertThat(all.get(0))
        .isEqualTo(
            new TranscriptEntry(
                1, now(), Author.USER, null, "one", List.of(), "invalid_credentials", 0.87, true));
    assertThat(all.get(1).buttons()).isEqualTo(Turns.YES_NO);
    assertThat(all.get(1).confidence()).isNull();
    assertThat(later).isEqualTo(all.subList(2, 4));
  }

  @Test
  void appended_lines_are_returned_as_they_are_stored() {
    TurnResult result = store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));

    assertThat(result.appended()).isEqualTo(store.transcript("c1", 0));
  }

  @Test
  void transcript_of_an_unknown_conversation_is_empty() {
    assertThat(store.transcript("nobody", 0)).isEmpty();
    assertThat(store.find("nobody")).isEmpty();
  }

  @Test
  void handoff_keeps_the_packet_and_queues_the_conversation_newest_handoff_first() {
    store.runTurn(
        "old", "rest", "m1", Turns.handoff("human please", Turns.packet("old one", now())));
    clock.advance(Duration.ofMinutes(1));
    store.runTurn("new", "rest", "m1", Turns.handoff("agent!", Turns.packet("new one", now())));
    store.runTurn("bot", "rest", "m1", Turns.echo("hi", now()));

    List<ConversationRecord> queue = store.handoffQueue();

    assertThat(queue).extracting(ConversationRecord::id).containsExactly("new", "old");
    assertThat(queue.get(1).handoff()).contains(Turns.packet("old one", now().minusSeconds(60)));
    assertThat(store.find("new").orElseThrow().state().status()).isEqualTo(Status.HANDOFF);
  }

  @Test
  void packet_stays_through_later_turns_and_a_hand_back_and_goes_only_with_a_new_episode() {
    HandoffPacket packet = Turns.packet("needs a human", now());
    store.runTurn("c1", "rest", "m1", Turns.handoff("human", packet));
    store.runTurn("c1", "rest", "m2", Turns.status(Status.HANDOFF, now()));
    assertThat(store.find("c1").orElseThrow().handoff()).contains(packet);

    store.runTurn("c1", "agent", null, Turns.status(Status.BOT, now()));

    assertThat(store.find("c1").orElseThrow().handoff()).contains(packet);
    assertThat(store.find("c1").orElseThrow().episode().outcome())
        .isEqualTo(Episode.Outcome.HANDED_OFF);
    assertThat(store.handoffQueue()).isEmpty();
    store.runTurn("c1", "rest", "m3", Turns.newEpisode("hello again", now()));
    assertThat(store.find("c1").orElseThrow().handoff()).isEmpty();
  }

  @Test
  void a_new_episode_leaves_the_old_one_as_it_was_and_starts_after_its_last_line() {
    HandoffPacket packet = Turns.packet("needs a human", now());
    store.runTurn("c1", "rest", "m1", Turns.handoff("human", packet));
    store.runTurn("c1", "rest", "m2", Turns.feedback(null, 5, now()));
    Episode closed = store.find("c1").orElseThrow().episode();
    clock.advance(Duration.ofDays(2));

    TurnResult again = store.runTurn("c1", "rest", "m3", Turns.newEpisode("hi again", now()));

    List<Episode> episodes = store.episodes("c1");
    assertThat(episodes).hasSize(2);
    assertThat(episodes.get(0)).isEqualTo(closed);
    assertThat(episodes.get(0).rating()).isEqualTo(5);
    assertThat(episodes.get(0).handoff()).isEqualTo(packet);
    assertThat(episodes.get(0).caseId()).isEqualTo("invalid_credentials");
    assertThat(episodes.get(0).endedAt()).isEqualTo(now().minus(Duration.ofDays(2)));
    assertThat(episodes.get(1).number()).isEqualTo(2);
    assertThat(episodes.get(1).startedAt()).isEqualTo(now());
    assertThat(episodes.get(1).firstSeq()).isEqualTo(4);
    assertThat(episodes.get(1).handoff()).isNull();
    assertThat(episodes.get(1).rating()).isNull();
    assertThat(again.conversation().episode()).isEqualTo(episodes.get(1));
    assertThat(store.find("c1").orElseThrow().episode()).isEqualTo(episodes.get(1));
  }

  @Test
  void an_open_episode_ended_by_a_restart_counts_as_abandoned() {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));

    store.runTurn("c1", "rest", "m2", Turns.newEpisode("/restart", now()));

    Episode first = store.episodes("c1").get(0);
    assertThat(first.outcome()).isEqualTo(Episode.Outcome.ABANDONED);
    assertThat(first.endedAt()).isEqualTo(now());
  }

  @Test
  void episodes_started_in_a_period_are_listed_with_their_conversation_and_channel() {
    Instant start = now();
    store.runTurn("a", "widget", null, Turns.echo("a", now()));
    clock.advance(Duration.ofHours(1));
    store.runTurn("a", "widget", null, Turns.newEpisode("again", now()));
    store.runTurn("b", "rest", null, Turns.echo("b", now()));

    List<ConversationEpisode> all = store.episodesStartedBetween(start, now().plusSeconds(1));
    List<ConversationEpisode> later = store.episodesStartedBetween(now(), now().plusSeconds(1));

    assertThat(all)
        .extracting(e -> e.conversationId() + "#" + e.episode().number() + "@" + e.channel())
        .containsExactly("a#1@widget", "a#2@widget", "b#1@rest");
    assertThat(later).hasSize(2);
  }

  @Test
  void an_agent_reply_sets_the_first_human_reply_time_and_the_agent_once() {
    store.runTurn("c1", "rest", "m1", Turns.handoff("human", Turns.packet("help", now())));
    clock.advance(Duration.ofMinutes(3));
    store.runTurn("c1", "agent", null, Turns.agentReply("Alice", now()));
    Instant firstReply = now();
    clock.advance(Duration.ofMinutes(3));

    store.runTurn("c1", "agent", null, Turns.agentReply("Bob", now()));

    Episode e = store.find("c1").orElseThrow().episode();
    assertThat(e.firstHumanReplyAt()).isEqualTo(firstReply);
    assertThat(e.agent()).isEqualTo("Alice");
  }

  @Test
  void seen_and_mailed_positions_only_move_forward() {
    store.runTurn("c1", "widget", null, Turns.echo("one", now()));
    store.runTurn("c1", "widget", null, Turns.echo("two", now()));

    store.markSeen("c1", 3);
    store.markSeen("c1", 1);
    store.markMailed("c1", 2);
    store.markSeen("nobody", 5);

    Reader reader = store.find("c1").orElseThrow().reader();
    assertThat(reader.seenSeq()).isEqualTo(3);
    assertThat(reader.mailedSeq()).isEqualTo(2);
    assertThat(store.find("c1").orElseThrow().lastSeq()).isEqualTo(4);
  }

  private static final Reader.Client JANE =
      new Reader.Client("Jane Doe", "Firefox on Windows", "4.2.1");

  @Test
  void reader_details_written_by_a_turn_are_kept_and_a_stale_seen_position_does_not_win() {
    store.runTurn("c1", "widget", null, Turns.echo("one", now()));
    store.markSeen("c1", 2);

    store.runTurn(
        "c1",
        "widget",
        null,
        Turns.withReader(
            new Reader(
                "jane@example.com", "user", "https://app.example.com/help", true, 1, 0, JANE)));

    Reader reader = store.find("c1").orElseThrow().reader();
    assertThat(reader)
        .isEqualTo(
            new Reader(
                "jane@example.com", "user", "https://app.example.com/help", true, 2, 0, JANE));
  }

  @Test
  void outbox_items_with_a_delay_become_due_only_after_it() {
    store.runTurn(
        "c1",
        "widget",
        null,
        current ->
            new TurnWrite(
                ConversationState.initial(loginbot.nlu.Language.EN),
                List.of(),
                java.util.Optional.empty(),
                List.of(),
                List.of(new OutboxItem.Draft("mail.unseen", "{}", Duration.ofMinutes(2)))));

    assertThat(store.claimDueOutbox("mail.", now(), Duration.ofMinutes(1), 10)).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    assertThat(store.claimDueOutbox("mail.", now(), Duration.ofMinutes(1), 10)).hasSize(1);
  }

  @Test
  void updated_between_is_half_open() {
    Instant start = now();
    store.runTurn("a", "rest", null, Turns.echo("a", now()));
    clock.advance(Duration.ofHours(1));
    store.runTurn("b", "rest", null, Turns.echo("b", now()));

    assertThat(store.updatedBetween(start, now()))
        .extracting(ConversationRecord::id)
        .containsExactly("a");
    assertThat(store.updatedBetween(start, now().plusNanos(1000)))
        .extracting(ConversationRecord::id)
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void delete_removes_the_conversation_with_its_transcript_outbox_and_message_ids() {
    store.runTurn("c1", "rest", "m1", Turns.echoWithOutbox("one", now(), "p1"));
    store.runTurn("c2", "rest", "m1", Turns.echo("other", now()));

    boolean deleted = store.delete("c1");

    assertThat(deleted).isTrue();
    assertThat(store.find("c1")).isEmpty();
    assertThat(store.transcript("c1", 0)).isEmpty();
    assertThat(store.dueOutbox(now(), 10)).isEmpty();
    TurnResult redelivered = store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));
    assertThat(redelivered.duplicate()).isFalse();
    assertThat(redelivered.appended()).extracting(TranscriptEntry::seq).containsExactly(1L, 2L);
    assertThat(store.find("c2")).isPresent();
    assertThat(store.delete("nobody")).isFalse();
  }

  @Test
  void purge_deletes_only_conversations_not_updated_since_the_cutoff() {
    store.runTurn("stale", "rest", "m1", Turns.echo("old", now()));
    clock.advance(Duration.ofDays(91));
    store.runTurn("fresh", "rest", "m1", Turns.echo("new", now()));

    int purged = store.purgeUpdatedBefore(now().minus(Duration.ofDays(90)));

    assertThat(purged).isEqualTo(1);
    assertThat(store.find("stale")).isEmpty();
    assertThat(store.transcript("stale", 0)).isEmpty();
    assertThat(store.find("fresh")).isPresent();
    assertThat(store.runTurn("stale", "rest", "m1", Turns.echo("old", now())).duplicate())
        .isFalse();
  }

  @Test
  void outbox_gives_the_oldest_item_of_each_conversation_oldest_first() {
    store.runTurn("a", "chatwoot", "m1", Turns.echoWithOutbox("one", now(), "a1", "a2"));
    store.runTurn("b", "chatwoot", "m1", Turns.echoWithOutbox("one", now(), "b1"));

    List<OutboxItem> due = store.dueOutbox(now(), 10);
    store.outboxDelivered(due.get(0).id());
    List<OutboxItem> next = store.dueOutbox(now(), 10);

    assertThat(due).extracting(OutboxItem::payload).containsExactly("a1", "b1");
    assertThat(due.get(0).conversationId()).isEqualTo("a");
    assertThat(due.get(0).kind()).isEqualTo("send");
    assertThat(next).extracting(OutboxItem::payload).containsExactly("a2", "b1");
    assertThat(store.dueOutbox(now(), 1)).extracting(OutboxItem::payload).containsExactly("a2");
  }

  @Test
  void outbox_retry_postpones_the_item_counts_attempts_and_holds_back_the_items_behind_it() {
    store.runTurn("a", "chatwoot", "m1", Turns.echoWithOutbox("one", now(), "a1", "a2"));
    OutboxItem first = store.dueOutbox(now(), 10).get(0);

    store.outboxRetryAt(first.id(), now().plusSeconds(30), "HTTP 502");

    assertThat(store.dueOutbox(now(), 10)).isEmpty();
    List<OutboxItem> later = store.dueOutbox(now().plusSeconds(30), 10);
    assertThat(later).extracting(OutboxItem::payload).containsExactly("a1");
    assertThat(later.get(0).attempts()).isEqualTo(1);
    assertThat(later.get(0).notBefore()).isEqualTo(now().plusSeconds(30));
  }

  @Test
  void claimed_outbox_items_stay_hidden_until_delivered_retried_or_the_lease_ends() {
    Duration lease = Duration.ofMinutes(1);
    store.runTurn("a", "chatwoot", "m1", Turns.echoWithOutbox("one", now(), "a1", "a2"));
    store.runTurn("b", "chatwoot", "m1", Turns.echoWithOutbox("one", now(), "b1"));

    List<OutboxItem> claimed = store.claimDueOutbox("send", now(), lease, 10);

    assertThat(claimed).extracting(OutboxItem::payload).containsExactly("a1", "b1");
    assertThat(claimed.get(0).notBefore()).isEqualTo(now().plus(lease));
    assertThat(store.claimDueOutbox("send", now(), lease, 10))
        .as("claimed again at once")
        .isEmpty();
    assertThat(store.dueOutbox(now(), 10)).as("a2 waits behind the claimed a1").isEmpty();
    store.outboxDelivered(claimed.get(0).id());
    store.outboxRetryAt(claimed.get(1).id(), now(), "HTTP 503");
    assertThat(store.claimDueOutbox("send", now(), lease, 10))
        .extracting(OutboxItem::payload)
        .containsExactly("a2", "b1");
    clock.advance(lease);
    List<OutboxItem> afterLease = store.claimDueOutbox("send", now(), lease, 1);
    assertThat(afterLease).extracting(OutboxItem::payload).containsExactly("a2");
    assertThat(afterLease.get(0).attempts()).isZero();
  }

  @Test
  void claiming_takes_only_the_kinds_asked_for_and_leaves_the_others_due() {
    store.runTurn("a", "chatwoot", "m1", Turns.echoWithOutbox("one", now(), "a1"));

    List<OutboxItem> other = store.claimDueOutbox("web.", now(), Duration.ofMinutes(1), 10);

    assertThat(other).isEmpty();
    assertThat(store.dueOutbox(now(), 10)).extracting(OutboxItem::payload).containsExactly("a1");
    assertThat(store.claimDueOutbox("se", now(), Duration.ofMinutes(1), 10))
        .extracting(OutboxItem::payload)
        .containsExactly("a1");
  }

  @Test
  void check_ready_passes_on_a_working_store() {
    store.checkReady();
  }

  @Test
  void feedback_given_at_the_end_is_kept_in_the_state() {
    store.runTurn("c1", "rest", "m1", Turns.echo("one", now()));

    store.runTurn("c1", "rest", "m2", Turns.feedback(true, 4, now()));

    ConversationState state = store.find("c1").orElseThrow().state();
    assertThat(state.helpful()).isTrue();
    assertThat(state.rating()).isEqualTo(4);
    assertThat(state.resolved()).isTrue();
  }

  @Test
  void the_queue_lists_the_longest_waiting_first_a_bounded_page_at_a_time_in_each_view() {
    // given five handoffs a minute apart; Sophie took two, Bob one
    for (int i = 0; i < 5; i++) {
      store.runTurn("q" + i, "rest", "m1", Turns.handoff("human", Turns.packet("p" + i, now())));
      clock.advance(Duration.ofMinutes(1));
    }
    store.runTurn("q1", "agent", null, Turns.assign("Sophie"));
    store.runTurn("q3", "agent", null, Turns.assign("Sophie"));
    store.runTurn("q2", "agent", null, Turns.assign("Bob"));
    store.runTurn("bot", "rest", "m1", Turns.echo("hi", now()));

    // when all are read two at a time
    ConversationPage first = store.queue(new QueueQuery(QueueQuery.View.ALL, "Sophie", null, 2));
    ConversationPage second =
        store.queue(new QueueQuery(QueueQuery.View.ALL, "Sophie", first.next(), 2));
    ConversationPage last =
        store.queue(new QueueQuery(QueueQuery.View.ALL, "Sophie", second.next(), 2));

    // then oldest first, nothing repeated or skipped, and the last page says so
    assertThat(first.items()).extracting(ConversationRecord::id).containsExactly("q0", "q1");
    assertThat(second.items()).extracting(ConversationRecord::id).containsExactly("q2", "q3");
    assertThat(last.items()).extracting(ConversationRecord::id).containsExactly("q4");
    assertThat(last.next()).isNull();
    assertThat(first.items().get(1).assignee()).isEqualTo("Sophie");
    assertThat(store.queue(new QueueQuery(QueueQuery.View.MINE, "Sophie", null, 10)).items())
        .extracting(ConversationRecord::id)
        .containsExactly("q1", "q3");
    assertThat(store.queue(new QueueQuery(QueueQuery.View.UNASSIGNED, "Sophie", null, 10)).items())
        .extracting(ConversationRecord::id)
        .containsExactly("q0", "q4");
    assertThat(store.queueCounts("Sophie")).isEqualTo(new QueueCounts(5, 2, 2));
    assertThat(store.queueCounts("Bob")).isEqualTo(new QueueCounts(5, 2, 1));
  }

  @Test
  void a_conversation_that_leaves_the_handoff_is_nobodys_and_a_new_handoff_starts_unassigned() {
    store.runTurn("c1", "rest", "m1", Turns.handoff("human", Turns.packet("p", now())));
    store.runTurn("c1", "agent", null, Turns.assign("Sophie"));
    assertThat(store.find("c1").orElseThrow().assignee()).isEqualTo("Sophie");

    store.runTurn("c1", "agent", null, Turns.status(Status.BOT, now()));
    assertThat(store.find("c1").orElseThrow().assignee()).isNull();
    store.runTurn("c1", "rest", "m2", Turns.handoff("human again", Turns.packet("p2", now())));

    assertThat(store.find("c1").orElseThrow().assignee()).isNull();
    assertThat(store.queueCounts("Sophie")).isEqualTo(new QueueCounts(1, 1, 0));
  }

  @Test
  void history_finds_conversations_by_text_status_case_role_agent_and_date_newest_first() {
    // given a closed chat Bob answered, a handed-back one, and one the bot still has, a day apart
    store.runTurn(
        "closed", "rest", "m1", Turns.handoff("my badge expired", Turns.packet("p", now())));
    store.runTurn("closed", "agent", null, Turns.agentReply("Bob", now()));
    store.runTurn("closed", "agent", null, Turns.status(Status.CLOSED, now()));
    clock.advance(Duration.ofDays(1));
    store.runTurn("back", "rest", "m1", Turns.handoff("Badge problem", Turns.packet("p", now())));
    store.runTurn("back", "agent", null, Turns.status(Status.BOT, now()));
    clock.advance(Duration.ofDays(1));
    store.runTurn("bot", "rest", "m1", Turns.echo("hello", now()));
    Instant third = now();

    // then
    assertThat(ids(history("badge", null, null, null, null, null, 10)))
        .containsExactly("back", "closed");
    assertThat(ids(history("BADGE 100%", null, null, null, null, null, 10))).isEmpty();
    assertThat(ids(history(null, "closed", null, null, null, null, 10))).containsExactly("closed");
    assertThat(ids(history(null, null, "Bob", null, null, null, 10))).containsExactly("closed");
    assertThat(ids(history(null, null, null, "invalid_credentials", null, null, 10)))
        .containsExactly("bot", "back", "closed");
    assertThat(ids(history(null, null, null, null, "professional", null, 10))).isEmpty();
    assertThat(ids(history(null, null, null, null, null, third, 10))).containsExactly("bot");
    ConversationPage page = history(null, null, null, null, null, null, 2);
    assertThat(ids(page)).containsExactly("bot", "back");
    assertThat(
            ids(
                store.history(
                    new HistoryQuery(
                        null, null, null, null, null, null, null, null, page.next(), 2))))
        .containsExactly("closed");
  }

  private ConversationPage history(
      String text, String status, String agent, String caseId, String role, Instant from, int n) {
    return store.history(
        new HistoryQuery(text, caseId, role, null, status, agent, from, null, null, n));
  }

  private static List<String> ids(ConversationPage page) {
    return page.items().stream().map(ConversationRecord::id).toList();
  }
}
