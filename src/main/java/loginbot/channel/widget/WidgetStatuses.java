package loginbot.channel.widget;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import loginbot.dialogue.Status;
import loginbot.handoff.SupportHours;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.WidgetSessions;

/** Builds a conversation's {@link WidgetStatus} from the store, the hours and the queue. */
final class WidgetStatuses implements EventStreams.StatusSource {
  private final ConversationStore store;
  private final WidgetSessions sessions;
  private final SupportHours hours;
  private final QueueWatch queue;
  private final Clock clock;

  WidgetStatuses(
      ConversationStore store,
      WidgetSessions sessions,
      SupportHours hours,
      QueueWatch queue,
      Clock clock) {
    this.store = store;
    this.sessions = sessions;
    this.hours = hours;
    this.queue = queue;
    this.clock = clock;
  }

  @Override
  public Optional<WidgetStatus> status(String conversationId) {
    Optional<WidgetSessions.Session> session = sessions.find(conversationId);
    Optional<ConversationRecord> conversation = store.find(conversationId);
    if (session.isEmpty() || (session.get().bound() && conversation.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(of(conversation, session.get()));
  }

  WidgetStatus of(Optional<ConversationRecord> conversation, WidgetSessions.Session session) {
    Instant now = clock.instant();
    Status status = conversation.map(c -> c.state().status()).orElse(Status.BOT);
    String language = conversation.map(c -> c.state().language()).map(l -> l.code()).orElse(null);
    WidgetStatus.Queue place = null;
    if (status == Status.HANDOFF) {
      place =
          queue
              .position(conversation.get().id())
              .map(p -> new WidgetStatus.Queue(p, queue.expectedWaitMinutes().orElse(null)))
              .orElse(null);
    }
    boolean typing =
        session.typingName() != null
            && session.typingUntil() != null
            && session.typingUntil().isAfter(now);
    WidgetStatus.Seen seen =
        session.seenSeq() > 0 ? new WidgetStatus.Seen(session.seenSeq(), session.seenName()) : null;
    return new WidgetStatus(
        status.code(),
        language,
        support(now),
        place,
        typing && status == Status.HANDOFF ? session.typingName() : null,
        seen);
  }

  WidgetStatus.Support support(Instant now) {
    boolean open = hours.isOpen(now);
    return new WidgetStatus.Support(
        open, open ? null : hours.nextOpening(now).map(t -> t.toInstant()).orElse(null));
  }
}
