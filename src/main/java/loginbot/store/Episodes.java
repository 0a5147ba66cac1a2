package loginbot.store;

import java.time.Instant;
import java.util.Optional;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Status;

/**
 * How a turn moves a conversation's episodes on: pure, shared by every store so they agree. An
 * episode takes what the state says and keeps what the state forgets (a case or packet cleared by a
 * hand-back); it ends when the conversation closes or the user starts over.
 */
final class Episodes {
  private Episodes() {}

  /** The episode a turn ended (when it started a new one) and the current one after it. */
  record Advance(Optional<Episode> ended, Episode current) {}

  /**
   * @param nextSeq the sequence number the turn's first transcript line gets
   */
  static Advance advance(Optional<Episode> current, TurnWrite write, Instant now, long nextSeq) {
    Optional<Episode> ended = Optional.empty();
    Episode episode;
    if (current.isEmpty()) {
      episode = Episode.start(1, now, nextSeq);
    } else if (write.event() instanceof EpisodeEvent.NewEpisode) {
      ended = Optional.of(end(current.get(), now));
      episode = Episode.start(current.get().number() + 1, now, nextSeq);
    } else {
      episode = current.get();
    }
    return new Advance(ended, apply(episode, write, now));
  }

  private static Episode end(Episode e, Instant now) {
    return new Episode(
        e.number(),
        e.startedAt(),
        e.endedAt() == null ? now : e.endedAt(),
        e.outcome() == null ? Episode.Outcome.ABANDONED : e.outcome(),
        e.role(),
        e.language(),
        e.caseId(),
        e.resolved(),
        e.steps(),
        e.handoff(),
        e.firstHumanReplyAt(),
        e.agent(),
        e.helpful(),
        e.rating(),
        e.firstSeq());
  }

  private static Episode apply(Episode e, TurnWrite write, Instant now) {
    ConversationState s = write.next();
    HandoffPacket handoff = write.handoff().orElse(e.handoff());
    Instant firstHumanReply = e.firstHumanReplyAt();
    String agent = e.agent();
    EpisodeEvent event = write.event();
    if (event instanceof EpisodeEvent.AgentReplied r) {
      firstHumanReply = firstHumanReply == null ? now : firstHumanReply;
      agent = agent == null ? r.agent() : agent;
    } else if (event instanceof EpisodeEvent.HandedBack h) {
      agent = agent == null ? h.agent() : agent;
    } else if (event instanceof EpisodeEvent.AgentClosed c) {
      agent = agent == null ? c.agent() : agent;
    }
    boolean resolved = e.resolved() || s.resolved();
    boolean closed = s.status() == Status.CLOSED;
    Episode.Outcome outcome;
    if (event instanceof EpisodeEvent.AgentClosed
        || e.outcome() == Episode.Outcome.CLOSED_BY_AGENT) {
      outcome = Episode.Outcome.CLOSED_BY_AGENT;
    } else if (handoff != null || s.status() == Status.HANDOFF) {
      outcome = Episode.Outcome.HANDED_OFF;
    } else if (closed) {
      outcome = resolved ? Episode.Outcome.RESOLVED : Episode.Outcome.ABANDONED;
    } else {
      outcome = e.outcome();
    }
    Instant endedAt =
        e.endedAt() != null
            ? e.endedAt()
            : closed || outcome == Episode.Outcome.CLOSED_BY_AGENT ? now : null;
    return new Episode(
        e.number(),
        e.startedAt(),
        endedAt,
        outcome,
        s.role() != null ? s.role() : e.role(),
        s.language() != null ? s.language() : e.language(),
        s.caseId() != null ? s.caseId() : e.caseId(),
        resolved,
        s.steps().isEmpty() ? e.steps() : s.steps(),
        handoff,
        firstHumanReply,
        agent,
        s.helpful() != null ? s.helpful() : e.helpful(),
        s.rating() != null ? s.rating() : e.rating(),
        e.firstSeq());
  }
}
