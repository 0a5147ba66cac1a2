package loginbot.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import loginbot.delivery.Outgoing;
import loginbot.delivery.Outputs;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.Responder;
import loginbot.dialogue.Status;
import loginbot.dialogue.Turn;
import loginbot.store.Assignment;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.EpisodeEvent;
import loginbot.store.Reader;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;
import loginbot.store.TurnResult;
import loginbot.store.TurnWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What agents (and the user leaving the queue) do to a conversation, each decided inside a store
 * turn: an action the state or the ownership forbids changes nothing, and every one is audited.
 */
final class AgentTurns {
  private static final Logger log = LoggerFactory.getLogger(AgentTurns.class);
  private static final Logger audit = LoggerFactory.getLogger("loginbot.audit");

  private final ConversationStore store;
  private final Responder responder;
  private final Clock clock;
  private final Outputs outputs;
  private final PlatformAgents platformAgents;

  AgentTurns(ConversationStore store, Responder responder, Clock clock, Outputs outputs) {
    this.store = store;
    this.responder = responder;
    this.clock = clock;
    this.outputs = outputs;
    this.platformAgents = new PlatformAgents(store, responder.dialogue(), outputs);
  }

  /**
   * A human agent writes to the user, and so handles the conversation from then on. Refused when
   * another agent handles it, unless {@code takeOver}.
   */
  TurnOutcome agentReply(String conversationId, String agentName, String text, boolean takeOver) {
    return agentAction(
        conversationId,
        agentName,
        Outgoing.Cause.AGENT_REPLY,
        Map.of(),
        record -> {
          ConversationState state = record.state();
          if (state.status() != Status.HANDOFF) {
            throw refused(
                conversationId, state, "agents reply only to conversations handed off to them");
          }
          Ownership.check(record, agentName, takeOver, "reply to");
          return new Turn(state, List.of());
        },
        List.of(new Line(Author.AGENT, agentName, text)),
        new EpisodeEvent.AgentReplied(agentName),
        new Assignment(agentName));
  }

  /**
   * An agent gives a handed-off conversation to {@code target} (themselves: they take it; null:
   * back to the unassigned queue). Nothing is said to the user. Refused when the conversation is
   * not handed off, or when another agent handles it and this is no take-over.
   */
  TurnOutcome assign(String conversationId, String agentName, String target, boolean takeOver) {
    Instant now = clock.instant();
    TurnResult result =
        onExisting(
            conversationId,
            record -> {
              ConversationState state = record.state();
              if (state.status() != Status.HANDOFF) {
                throw refused(
                    conversationId, state, "only a conversation handed off to humans is assigned");
              }
              Ownership.check(record, agentName, takeOver, "reassign");
              var line =
                  TranscriptEntry.Draft.plain(
                      now,
                      Author.SYSTEM,
                      agentName,
                      Ownership.assignmentNote(record, agentName, target));
              return new TurnWrite(
                  state,
                  List.of(line),
                  Optional.empty(),
                  List.of(),
                  List.of(),
                  EpisodeEvent.NONE,
                  Optional.empty(),
                  null,
                  target == null ? Assignment.NOBODY : new Assignment(target));
            });
    audit.info(
        "agent={} action=assign conversation={} assignee={}",
        agentName,
        conversationId,
        target == null ? "nobody" : target);
    return TurnOutcome.withoutHandoff(result, List.of(), false);
  }

  /**
   * An agent's internal note: stored in the transcript for agents, never sent to the user on any
   * channel, and allowed whatever the status and whoever handles the conversation.
   */
  TurnOutcome note(String conversationId, String agentName, String text) {
    Instant now = clock.instant();
    TurnResult result =
        onExisting(
            conversationId,
            record -> {
              var line = TranscriptEntry.Draft.plain(now, Author.NOTE, agentName, text);
              return new TurnWrite(
                  record.state(), List.of(line), Optional.empty(), List.of(), List.of());
            });
    audit.info("agent={} action=note conversation={}", agentName, conversationId);
    return TurnOutcome.withoutHandoff(result, List.of(), false);
  }

  /**
   * A person wrote to the user on the platform itself (Chatwoot's own inbox): kept in the
   * transcript, so the user counts as answered. If {@code botsTurn} (the platform had it as the
   * bot's, Chatwoot's pending) and the bot owned it, the person took it over: the bot goes silent
   * and the platform is told (Chatwoot: open). Once per {@code messageId}.
   *
   * @throws AgentActionRefusedException for a conversation the bot never had
   */
  TurnOutcome agentWroteOnPlatform(
      String conversationId, String messageId, String agentName, String text, boolean botsTurn) {
    TurnResult result =
        platformAgents.wrote(conversationId, messageId, agentName, text, botsTurn, clock.instant());
    if (Boolean.TRUE.equals(result.note())) {
      outputs.queued();
    }
    if (!result.duplicate()) {
      audit.info(
          "agent={} action=platform_reply conversation={} status={}",
          agentName,
          conversationId,
          TurnOutcome.statusOf(result).code());
    }
    return TurnOutcome.withoutHandoff(result, result.replies(), result.duplicate());
  }

  /**
   * An agent hands it back to the bot; refused when another agent handles it, unless {@code
   * takeOver}.
   */
  TurnOutcome handBack(String conversationId, String agentName, boolean takeOver) {
    return handBack(conversationId, agentName, Outgoing.Cause.HAND_BACK, Map.of(), takeOver);
  }

  /**
   * The platform gave the conversation back to the bot (Chatwoot set it pending, or assigned it to
   * the bot and left it open: {@code reopen}, so the bot sets it pending itself); {@code
   * attributes} are the platform's. Refused like any hand-back unless it is handed off, since a
   * platform may announce one change in several events.
   */
  TurnOutcome handBackOnPlatform(
      String conversationId, String agentName, Map<String, Object> attributes, boolean reopen) {
    return handBack(
        conversationId,
        agentName,
        reopen ? Outgoing.Cause.PLATFORM_REOPEN : Outgoing.Cause.PLATFORM_HAND_BACK,
        attributes,
        true);
  }

  /**
   * The bot takes the conversation back and answers what the user wrote during the handoff that
   * nobody answered ({@link Unanswered}). The transcript is read before the turn (a turn does no
   * I/O); if a line was added in between, it is read again.
   */
  private TurnOutcome handBack(
      String conversationId,
      String agentName,
      Outgoing.Cause cause,
      Map<String, Object> attributes,
      boolean takeOver) {
    Instant now = clock.instant();
    for (int attempt = 1; ; attempt++) {
      long lastSeq = store.find(conversationId).map(ConversationRecord::lastSeq).orElse(0L);
      List<String> unanswered =
          Unanswered.texts(
              store.transcript(conversationId, Math.max(0, lastSeq - Unanswered.TAIL)),
              cause == Outgoing.Cause.HAND_BACK);
      boolean lastTry = attempt == 3;
      try {
        return agentAction(
            conversationId,
            agentName,
            cause,
            attributes,
            record -> {
              ConversationState state = record.state();
              if (state.status() != Status.HANDOFF) {
                throw refused(
                    conversationId, state, "only a conversation handed off to humans can go back");
              }
              Ownership.check(record, agentName, takeOver, "hand back");
              if (record.lastSeq() != lastSeq && !lastTry) {
                throw new TranscriptMoved();
              }
              Turn back = responder.dialogue().handBack(state);
              return Unanswered.answered(responder, back, unanswered, now);
            },
            List.of(new Line(Author.SYSTEM, agentName, agentName + " handed back to the bot")),
            new EpisodeEvent.HandedBack(agentName),
            null);
      } catch (TranscriptMoved e) {
        log.debug("conversation {} moved during a hand-back, reading it again", conversationId);
      }
    }
  }

  /** The user wrote between the read of the transcript and the hand-back's turn. */
  private static final class TranscriptMoved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TranscriptMoved() {
      super(null, null, false, false);
    }
  }

  /** An agent closes it; refused when another agent handles it, unless {@code takeOver}. */
  TurnOutcome close(String conversationId, String agentName, boolean takeOver) {
    return agentAction(
        conversationId,
        agentName,
        Outgoing.Cause.CLOSE,
        Map.of(),
        record -> {
          ConversationState state = record.state();
          if (state.status() == Status.CLOSED) {
            throw refused(
                conversationId, state, "closing it again would repeat the closing messages");
          }
          Ownership.check(record, agentName, takeOver, "close");
          return responder.dialogue().close(state);
        },
        List.of(new Line(Author.SYSTEM, agentName, agentName + " closed the conversation")),
        new EpisodeEvent.AgentClosed(agentName),
        null);
  }

  /**
   * The user leaves the queue ("I found it myself") before a person answered: the bot takes the
   * conversation back and says so, and the transcript records it. Refused once a person has
   * answered in this handoff, or when it is not handed off.
   */
  TurnOutcome leaveQueue(String conversationId) {
    Instant now = clock.instant();
    return agentAction(
        conversationId,
        "The user",
        Outgoing.Cause.HAND_BACK,
        Map.of(),
        record -> {
          ConversationState state = record.state();
          if (state.status() != Status.HANDOFF) {
            throw refused(conversationId, state, "it is not waiting for a person");
          }
          Instant handedOff = record.handoff().map(p -> p.at()).orElse(now);
          Instant answered = record.episode() == null ? null : record.episode().firstHumanReplyAt();
          if (answered != null && !answered.isBefore(handedOff)) {
            throw refused(conversationId, state, "a person has already answered: write to them");
          }
          return responder.dialogue().handBack(state);
        },
        List.of(
            new Line(
                Author.SYSTEM, "The user", "The user left the queue before a person answered")),
        new EpisodeEvent.HandedBack("the user"),
        null);
  }

  /** A transcript line an agent action writes before the bot's replies. */
  private record Line(Author author, String name, String text) {}

  private TurnOutcome agentAction(
      String conversationId,
      String agentName,
      Outgoing.Cause cause,
      Map<String, Object> attributes,
      Function<ConversationRecord, Turn> action,
      List<Line> first,
      EpisodeEvent event,
      Assignment assignment) {
    Instant now = clock.instant();
    TurnResult result =
        onExisting(
            conversationId,
            record -> {
              Turn turn = action.apply(record);
              List<TranscriptEntry.Draft> lines = new ArrayList<>();
              Ownership.takeOverNote(record, agentName)
                  .ifPresent(
                      note ->
                          lines.add(
                              TranscriptEntry.Draft.plain(now, Author.SYSTEM, agentName, note)));
              for (Line l : first) {
                lines.add(TranscriptEntry.Draft.plain(now, l.author(), l.name(), l.text()));
              }
              lines.addAll(UserTurns.botLines(turn, now));
              var outgoing =
                  new Outgoing(
                      conversationId,
                      cause,
                      turn,
                      UserTurns.numbered(lines, record.lastSeq()),
                      agentName,
                      attributes);
              var drafts = outputs.of(record.channel()).send(outgoing);
              Reader reader = record.reader().awaitingEmail(false);
              return new TurnWrite(
                  turn.next(),
                  lines,
                  // A hand-back's answers to unanswered questions may hand off again.
                  UserTurns.handoffOf(turn),
                  turn.replies(),
                  drafts,
                  event,
                  Optional.of(reader),
                  drafts.isEmpty() ? Boolean.FALSE : Boolean.TRUE,
                  assignment);
            });
    if (Boolean.TRUE.equals(result.note())) {
      outputs.queued();
    }
    // The audit trail: who did what to which conversation, never the text.
    audit.info(
        "agent={} action={} conversation={} status={}",
        agentName,
        cause.name().toLowerCase(java.util.Locale.ROOT),
        conversationId,
        TurnOutcome.statusOf(result).code());
    return TurnOutcome.withoutHandoff(result, result.replies(), false);
  }

  /** An agent's turn on a conversation that must exist: refused when it was deleted. */
  private TurnResult onExisting(
      String conversationId, Function<ConversationRecord, TurnWrite> write) {
    return store.runTurn(
        conversationId,
        "agent",
        null,
        current -> write.apply(current.orElseThrow(() -> gone(conversationId))));
  }

  private static AgentActionRefusedException gone(String conversationId) {
    return new AgentActionRefusedException(
        "conversation " + conversationId + " does not exist (it was deleted, or never started)");
  }

  private static AgentActionRefusedException refused(
      String conversationId, ConversationState state, String why) {
    return new AgentActionRefusedException(
        "conversation " + conversationId + " is " + state.status().code() + ": " + why);
  }
}
