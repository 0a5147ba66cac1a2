package loginbot.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.delivery.Notices;
import loginbot.delivery.OutputChannel;
import loginbot.delivery.Outputs;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.Responder;
import loginbot.dialogue.Turn;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;
import loginbot.store.TurnResult;
import loginbot.store.TurnWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for every channel: runs a message through the dialogue inside a store turn
 * (locked, exactly once, {@link UserTurns}), and hands what it says to the conversation's own
 * output channel. Agents' actions come through here too ({@link AgentTurns}).
 */
public final class ConversationService {
  private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

  private final ConversationStore store;
  private final Responder responder;
  private final Clock clock;
  private final MessageGate gate;
  private final TurnObserver observer;
  private final Outputs outputs;
  private final UserTurns userTurns;
  private final AgentTurns agents;

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
    this.agents = new AgentTurns(store, responder, clock, outputs);
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
          TurnOutcome.statusOf(result).code(),
          nanos / 1000);
    }
    return new TurnOutcome(
        replies,
        TurnOutcome.statusOf(result),
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
    return agents.agentReply(conversationId, agentName, text, false);
  }

  /**
   * A human agent writes to the user, and so handles the conversation from then on. Refused when
   * another agent handles it, unless {@code takeOver}.
   */
  public TurnOutcome agentReply(
      String conversationId, String agentName, String text, boolean takeOver) {
    return agents.agentReply(conversationId, agentName, text, takeOver);
  }

  /**
   * An agent gives a handed-off conversation to {@code target} (themselves: they take it; null:
   * back to the unassigned queue). Nothing is said to the user. Refused when the conversation is
   * not handed off, or when another agent handles it and this is no take-over.
   */
  public TurnOutcome assign(
      String conversationId, String agentName, String target, boolean takeOver) {
    return agents.assign(conversationId, agentName, target, takeOver);
  }

  /** An internal note: kept for agents, never sent to the user, allowed in any state. */
  public TurnOutcome note(String conversationId, String agentName, String text) {
    return agents.note(conversationId, agentName, text);
  }

  /**
   * A person wrote to the user on the platform itself (Chatwoot's own inbox); see {@link
   * AgentTurns}. Once per {@code messageId}.
   *
   * @throws AgentActionRefusedException for a conversation the bot never had
   */
  public TurnOutcome agentWroteOnPlatform(
      String conversationId, String messageId, String agentName, String text, boolean botsTurn) {
    return agents.agentWroteOnPlatform(conversationId, messageId, agentName, text, botsTurn);
  }

  /** An agent gives a handed-off conversation back to the bot, which says so to the user. */
  public TurnOutcome handBack(String conversationId, String agentName) {
    return agents.handBack(conversationId, agentName, false);
  }

  /** As a hand-back; refused when another agent handles it, unless {@code takeOver}. */
  public TurnOutcome handBack(String conversationId, String agentName, boolean takeOver) {
    return agents.handBack(conversationId, agentName, takeOver);
  }

  /**
   * The platform gave the conversation back to the bot (Chatwoot set it pending, or assigned it to
   * the bot and left it open: {@code reopen}); {@code attributes} are the platform's.
   */
  public TurnOutcome handBackOnPlatform(
      String conversationId, String agentName, Map<String, Object> attributes, boolean reopen) {
    return agents.handBackOnPlatform(conversationId, agentName, attributes, reopen);
  }

  /** An agent closes the conversation; the user may still rate it. */
  public TurnOutcome close(String conversationId, String agentName) {
    return agents.close(conversationId, agentName, false);
  }

  /** As a close; refused when another agent handles it, unless {@code takeOver}. */
  public TurnOutcome close(String conversationId, String agentName, boolean takeOver) {
    return agents.close(conversationId, agentName, takeOver);
  }

  /** The user leaves the queue ("I found it myself") before a person answered. */
  public TurnOutcome leaveQueue(String conversationId) {
    return agents.leaveQueue(conversationId);
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
              TranscriptEntry.Draft.plain(
                  now, Author.SYSTEM, channel, "Satisfaction survey: rated " + stars + "/5" + said);
          return new TurnWrite(
              state.withRating(stars), List.of(line), Optional.empty(), List.of(), List.of());
        });
  }

  public Optional<ConversationRecord> find(String conversationId) {
    return store.find(conversationId);
  }

  private static String actionNames(Turn turn) {
    return String.join(
        ",",
        turn.actions().stream()
            .map(a -> a.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
            .toList());
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
}
