package loginbot.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import loginbot.delivery.Notices;
import loginbot.delivery.Outgoing;
import loginbot.delivery.OutputChannel;
import loginbot.delivery.Outputs;
import loginbot.dialogue.Action;
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
 * The one entry point for every channel: runs a message through the dialogue inside a store turn
 * (locked, exactly once), and hands what it says to the conversation's own output channel. Agents'
 * actions go through here too, and are decided inside the turn: one the state forbids changes
 * nothing.
 */
public final class ConversationService {
  private static final Logger log = LoggerFactory.getLogger(ConversationService.class);
  private static final Logger audit = LoggerFactory.getLogger("loginbot.audit");

  private final ConversationStore store;
  private final Responder responder;
  private final Clock clock;
  private final MessageGate gate;
  private final TurnObserver observer;
  private final Outputs outputs;
  private final UserTurns userTurns;
  private final PlatformAgents platformAgents;

  public ConversationService(ConversationStore store, Responder responder, Clock clock) {
    this(store, responder, clock, MessageGate.ALL, TurnObserver.NONE);
  }

  public ConversationService(
      ConversationStore store,
      Responder responder,
      Clock clock,
      MessageGate gate,
      TurnObserver observer) {
    this(store, responder, clock, gate, observer, Outputs.none(), null);
  }

  /**
   * {@code gate} may refuse a message before its turn; {@code observer} sees every processed one;
   * {@code outputs} carries messages to each channel; {@code notices} says how an answer will reach
   * the user after a handoff (null: nothing is added to the dialogue's notice).
   */
  public ConversationService(
      ConversationStore store,
      Responder responder,
      Clock clock,
      MessageGate gate,
      TurnObserver observer,
      Outputs outputs,
      Notices notices) {
    this.store = store;
    this.responder = responder;
    this.clock = clock;
    this.gate = gate;
    this.observer = observer;
    this.outputs = outputs;
    this.userTurns = new UserTurns(responder, notices);
    this.platformAgents = new PlatformAgents(store, responder.dialogue(), outputs);
  }

  /** A user's message. */
  public TurnOutcome handle(InboundMessage message) {
    gate.admit(message);
    long started = System.nanoTime();
    Instant now = clock.instant();
    OutputChannel out = outputs.of(message.channel());
    TurnResult result =
        store.runTurn(
            message.conversationId(),
            message.channel(),
            message.messageId(),
            userTurns.logic(message, out, now));
    UserTurns.Decided decided = (UserTurns.Decided) result.note();
    List<Action.Reply> replies = result.replies();
    if (decided != null && decided.unseenAfter() >= 0) {
      replies = withUnseen(message.conversationId(), decided.unseenAfter(), result, replies);
    }
    if (decided != null && decided.queued()) {
      outputs.queued();
    }
    long nanos = System.nanoTime() - started;
    observe(
        new TurnEvent(
            message.channel(),
            message.conversationId(),
            result.duplicate(),
            decided == null ? null : decided.understanding(),
            decided == null ? null : decided.before(),
            decided == null ? null : decided.turn(),
            nanos));
    if (decided != null) {
      log.info(
          "turn conversation={} channel={} intent={} confidence={} actions={} status={} micros={}",
          message.conversationId(),
          message.channel(),
          decided.understanding().effectiveIntent().label(),
          threeDecimals(decided.understanding().prediction().confidence()),
          actionNames(decided.turn()),
          statusOf(result).code(),
          nanos / 1000);
    }
    return new TurnOutcome(
        replies,
        statusOf(result),
        decided == null ? Optional.empty() : decided.handoff(),
        result.duplicate(),
        result.appended(),
        result.conversation());
  }

  /**
   * What agents wrote while a user who can only be answered in a response was away: read after the
   * turn (a turn does no I/O), returned before the bot's replies, then counted as seen.
   */
  private List<Action.Reply> withUnseen(
      String conversationId, long after, TurnResult result, List<Action.Reply> replies) {
    long firstOfTurn =
        result.appended().isEmpty() ? Long.MAX_VALUE : result.appended().get(0).seq();
    List<Action.Reply> all = new ArrayList<>();
    for (TranscriptEntry line : store.transcript(conversationId, after)) {
      boolean visible = line.author() == Author.AGENT || line.author() == Author.BOT;
      if (visible && line.seq() < firstOfTurn) {
        all.add(new Action.Reply(line.text(), line.buttons()));
      }
    }
    all.addAll(replies);
    store.markSeen(conversationId, result.conversation().lastSeq());
    return all;
  }

  private void observe(TurnEvent event) {
    try {
      observer.onTurn(event);
    } catch (RuntimeException e) {
      // The turn is stored and must still be answered; a metrics fault only costs a warning.
      log.warn("turn observer failed: {}", e.toString());
    }
  }

  /** A human agent writes to the user; only to a conversation handed off to humans. */
  public TurnOutcome agentReply(String conversationId, String agentName, String text) {
    return agentReply(conversationId, agentName, text, false);
  }

  /**
   * A human agent writes to the user, and so handles the conversation from then on. Refused when
   * another agent handles it, unless {@code takeOver}.
   */
  public TurnOutcome agentReply(
      String conversationId, String agentName, String text, boolean takeOver) {
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
  public TurnOutcome assign(
      String conversationId, String agentName, String target, boolean takeOver) {
    Instant now = clock.instant();
    TurnResult result =
        store.runTurn(
            conversationId,
            "agent",
            null,
            current -> {
              ConversationRecord record = current.orElseThrow(() -> gone(conversationId));
              ConversationState state = record.state();
              if (state.status() != Status.HANDOFF) {
                throw refused(
                    conversationId, state, "only a conversation handed off to humans is assigned");
              }
              Ownership.check(record, agentName, takeOver, "reassign");
              var line =
                  new TranscriptEntry.Draft(
                      now,
                      Author.SYSTEM,
                      agentName,
                      Ownership.assignmentNote(record, agentName, target),
                      List.of(),
                      null,
                      null,
                      true);
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
    return withoutHandoff(result, List.of(), false);
  }

  /**
   * An agent's internal note: stored in the transcript for agents, never sent to the user on any
   * channel, and allowed whatever the status and whoever handles the conversation.
   */
  public TurnOutcome note(String conversationId, String agentName, String text) {
    Instant now = clock.instant();
    TurnResult result =
        store.runTurn(
            conversationId,
            "agent",
            null,
            current -> {
              ConversationRecord record = current.orElseThrow(() -> gone(conversationId));
              var line =
                  new TranscriptEntry.Draft(
                      now, Author.NOTE, agentName, text, List.of(), null, null, true);
              return new TurnWrite(
                  record.state(), List.of(line), Optional.empty(), List.of(), List.of());
            });
    audit.info("agent={} action=note conversation={}", agentName, conversationId);
    return withoutHandoff(result, List.of(), false);
  }

  /**
   * A person wrote to the user on the platform itself (Chatwoot's own inbox): kept in the
   * transcript, so the user counts as answered. If {@code botsTurn} (the platform had it as the
   * bot's, Chatwoot's pending) and the bot owned it, the person took it over: the bot goes silent
   * and the platform is told (Chatwoot: open). Once per {@code messageId}.
   *
   * @throws AgentActionRefusedException for a conversation the bot never had
   */
  public TurnOutcome agentWroteOnPlatform(
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
          statusOf(result).code());
    }
    return withoutHandoff(result, result.replies(), result.duplicate());
  }

  /** An agent gives a handed-off conversation back to the bot, which says so to the user. */
  public TurnOutcome handBack(String conversationId, String agentName) {
    return handBack(conversationId, agentName, false);
  }

  /**
   * As {@link #handBack(String, String)}; refused when another agent handles it, unless {@code
   * takeOver}.
   */
  public TurnOutcome handBack(String conversationId, String agentName, boolean takeOver) {
    return handBack(conversationId, agentName, Outgoing.Cause.HAND_BACK, Map.of(), takeOver);
  }

  /**
   * The platform gave the conversation back to the bot (Chatwoot set it pending, or assigned it to
   * the bot and left it open: {@code reopen}, so the bot sets it pending itself); {@code
   * attributes} are the platform's. Refused like any hand-back unless it is handed off, since a
   * platform may announce one change in several events.
   */
  public TurnOutcome handBackOnPlatform(
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

  /** An agent closes the conversation; the user may still rate it. */
  public TurnOutcome close(String conversationId, String agentName) {
    return close(conversationId, agentName, false);
  }

  /**
   * As {@link #close(String, String)}; refused when another agent handles it, unless {@code
   * takeOver}.
   */
  public TurnOutcome close(String conversationId, String agentName, boolean takeOver) {
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
  public TurnOutcome leaveQueue(String conversationId) {
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

  /**
   * A 1–5 rating the user gave in a platform's own survey (Chatwoot's CSAT): recorded as the
   * conversation's feedback rating, as a {@code /rate} in the chat would be, whatever its status,
   * and nothing is said. The comment is masked like every user text. Once per {@code messageId}.
   */
  public void rate(
      String conversationId, String channel, String messageId, int stars, String comment) {
    if (stars < 1 || stars > 5) {
      throw new IllegalArgumentException("a rating is 1 to 5, got " + stars);
    }
    Instant now = clock.instant();
    store.runTurn(
        conversationId,
        channel,
        messageId,
        current -> {
          ConversationState state =
              current.orElseThrow(() -> new UnknownConversationException(conversationId)).state();
          String said =
              comment == null || comment.isBlank()
                  ? ""
                  : ": " + responder.read(state, comment.strip()).masked().text();
          var line =
              new TranscriptEntry.Draft(
                  now,
                  Author.SYSTEM,
                  channel,
                  "Satisfaction survey: rated " + stars + "/5" + said,
                  List.of(),
                  null,
                  null,
                  true);
          return new TurnWrite(
              state.withRating(stars), List.of(line), Optional.empty(), List.of(), List.of());
        });
  }

  public Optional<ConversationRecord> find(String conversationId) {
    return store.find(conversationId);
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
        store.runTurn(
            conversationId,
            "agent",
            null,
            current -> {
              ConversationRecord record = current.orElseThrow(() -> gone(conversationId));
              Turn turn = action.apply(record);
              List<TranscriptEntry.Draft> lines = new ArrayList<>();
              Ownership.takeOverNote(record, agentName)
                  .ifPresent(
                      note ->
                          lines.add(
                              new TranscriptEntry.Draft(
                                  now,
                                  Author.SYSTEM,
                                  agentName,
                                  note,
                                  List.of(),
                                  null,
                                  null,
                                  true)));
              for (Line l : first) {
                lines.add(
                    new TranscriptEntry.Draft(
                        now, l.author(), l.name(), l.text(), List.of(), null, null, true));
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
        statusOf(result).code());
    return withoutHandoff(result, result.replies(), false);
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

  /** The outcome of a turn that handed nothing off (agent actions, platform events). */
  private static TurnOutcome withoutHandoff(
      TurnResult result, List<Action.Reply> replies, boolean duplicate) {
    return new TurnOutcome(
        replies,
        statusOf(result),
        Optional.empty(),
        duplicate,
        result.appended(),
        result.conversation());
  }

  private static Status statusOf(TurnResult result) {
    return result.state() == null ? Status.BOT : result.state().status();
  }

  /**
   * {@code 0.151}: what {@code String.format("%.3f")} wrote, with a point in every locale, at a
   * fraction of its cost (it was 4 % of a REST turn's CPU samples).
   */
  static String threeDecimals(double value) {
    long thousandths = Math.round(Math.abs(value) * 1000);
    String sign = value < 0 && thousandths != 0 ? "-" : "";
    return sign + thousandths / 1000 + "." + Long.toString(1000 + thousandths % 1000).substring(1);
  }

  private static String actionNames(Turn turn) {
    return String.join(
        ",",
        turn.actions().stream()
            .map(a -> a.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
            .toList());
  }
}
