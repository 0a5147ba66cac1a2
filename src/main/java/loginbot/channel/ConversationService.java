package loginbot.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Responder;
import loginbot.dialogue.Status;
import loginbot.dialogue.Turn;
import loginbot.nlu.Understanding;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.OutboxItem;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;
import loginbot.store.TurnResult;
import loginbot.store.TurnWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for every channel: runs a message through the dialogue inside a store turn
 * (locked, exactly once), then tells the channel what to show. Agents' actions go through here too.
 */
public final class ConversationService {
  private static final Logger log = LoggerFactory.getLogger(ConversationService.class);
  private static final Logger audit = LoggerFactory.getLogger("loginbot.audit");

  private final ConversationStore store;
  private final Responder responder;
  private final Clock clock;
  private final MessageGate gate;
  private final TurnObserver observer;

  public ConversationService(ConversationStore store, Responder responder, Clock clock) {
    this(store, responder, clock, MessageGate.ALL, TurnObserver.NONE);
  }

  /**
   * {@code gate} may refuse a message before its turn; {@code observer} sees every processed one.
   */
  public ConversationService(
      ConversationStore store,
      Responder responder,
      Clock clock,
      MessageGate gate,
      TurnObserver observer) {
    this.store = store;
    this.responder = responder;
    this.clock = clock;
    this.gate = gate;
    this.observer = observer;
  }

  public TurnOutcome handle(InboundMessage message) {
    return handle(message, turn -> List.of());
  }

  /**
   * Like {@link #handle(InboundMessage)}; {@code outbound} turns the dialogue's actions into
   * platform calls stored in the outbox within the same transaction (for asynchronous channels).
   */
  public TurnOutcome handle(
      InboundMessage message, Function<Turn, List<OutboxItem.Draft>> outbound) {
    gate.admit(message);
    long started = System.nanoTime();
    Instant now = clock.instant();
    Holder seen = new Holder();
    TurnResult result =
        store.runTurn(
            message.conversationId(),
            message.channel(),
            message.messageId(),
            current -> {
              ConversationState state = current.map(ConversationRecord::state).orElse(null);
              seen.before = state;
              if (state != null && state.status() == Status.HANDOFF) {
                // A human owns this chat: record what the user said for the agent, and say nothing.
                Responder.Reading reading = responder.read(state, message.text());
                seen.understanding = reading.understanding();
                seen.turn = new Turn(state, List.of());
                return new TurnWrite(
                    state,
                    List.of(userLine(now, reading, true)),
                    Optional.empty(),
                    List.of(),
                    List.of());
              }
              Responder.Response response =
                  responder.respond(state, message.text(), message.role(), message.language(), now);
              seen.understanding = response.reading().understanding();
              seen.turn = response.turn();
              // "Understood" is the dialogue's verdict: it reads yes/no, buttons and greetings that
              // the
              // classifier may score low.
              boolean understood = !TurnEvent.missed(state, response.turn());
              return write(
                  response.turn(), userLine(now, response.reading(), understood), now, outbound);
            });
    TurnOutcome outcome = outcome(result, seen.turn);
    long nanos = System.nanoTime() - started;
    observe(
        new TurnEvent(
            message.channel(),
            message.conversationId(),
            result.duplicate(),
            result.duplicate() ? null : seen.understanding,
            seen.before,
            result.duplicate() ? null : seen.turn,
            nanos));
    if (!result.duplicate()) {
      log.info(
          "turn conversation={} channel={} intent={} confidence={} actions={} status={} micros={}",
          message.conversationId(),
          message.channel(),
          seen.understanding == null ? null : seen.understanding.effectiveIntent().label(),
          seen.understanding == null
              ? null
              : String.format("%.3f", seen.understanding.prediction().confidence()),
          seen.turn == null ? "" : actionNames(seen.turn),
          outcome.status().code(),
          nanos / 1000);
    }
    return outcome;
  }

  private static TranscriptEntry.Draft userLine(
      Instant at, Responder.Reading reading, boolean understood) {
    return new TranscriptEntry.Draft(
        at,
        Author.USER,
        null,
        reading.masked().text(),
        List.of(),
        reading.understanding().effectiveIntent().label(),
        reading.understanding().prediction().confidence(),
        understood);
  }

  private void observe(TurnEvent event) {
    try {
      observer.onTurn(event);
    } catch (RuntimeException e) {
      // The turn is already stored and must still be answered; a metrics fault only costs a
      // warning.
      log.warn("turn observer failed: {}", e.toString());
    }
  }

  /** A human agent writes to the user; the conversation stays with the agent. */
  public TurnOutcome agentReply(String conversationId, String agentName, String text) {
    Instant now = clock.instant();
    TranscriptEntry.Draft line =
        new TranscriptEntry.Draft(now, Author.AGENT, agentName, text, List.of(), null, null, true);
    TurnResult result =
        store.runTurn(
            conversationId,
            "agent",
            null,
            current -> {
              ConversationState state =
                  current
                      .orElseThrow(() -> new UnknownConversationException(conversationId))
                      .state();
              return new TurnWrite(state, List.of(line), Optional.empty(), List.of(), List.of());
            });
    return new TurnOutcome(List.of(), result.state().status(), Optional.empty(), false);
  }

  /** An agent gives the conversation back to the bot, which says so to the user. */
  public TurnOutcome handBack(String conversationId, String agentName) {
    return agentAction(
        conversationId,
        state -> responder.dialogue().handBack(state),
        agentName,
        "handed back to the bot",
        turn -> List.of(),
        false);
  }

  /**
   * A hand-back seen on a platform: the bot's words also go to the outbox through {@code outbound}.
   * Does nothing unless the conversation is handed off, since a platform may announce one change in
   * several events.
   */
  public TurnOutcome handBack(
      String conversationId, String agentName, Function<Turn, List<OutboxItem.Draft>> outbound) {
    return agentAction(
        conversationId,
        state -> responder.dialogue().handBack(state),
        agentName,
        "handed back to the bot",
        outbound,
        true);
  }

  /** An agent closes the conversation. */
  public TurnOutcome close(String conversationId, String agentName) {
    return agentAction(
        conversationId,
        state -> responder.dialogue().close(state),
        agentName,
        "closed the conversation",
        turn -> List.of(),
        false);
  }

  /**
   * Adds a note for agents (author SYSTEM) to an existing conversation without changing its state,
   * e.g. the contact details the embedding page passed to the widget.
   */
  public void note(String conversationId, String name, String text) {
    var line =
        new TranscriptEntry.Draft(
            clock.instant(), Author.SYSTEM, name, text, List.of(), null, null, true);
    store.runTurn(
        conversationId,
        "note",
        null,
        current -> {
          ConversationState state =
              current.orElseThrow(() -> new UnknownConversationException(conversationId)).state();
          return new TurnWrite(state, List.of(line), Optional.empty(), List.of(), List.of());
        });
  }

  public Optional<ConversationRecord> find(String conversationId) {
    return store.find(conversationId);
  }

  private TurnOutcome agentAction(
      String conversationId,
      Function<ConversationState, Turn> action,
      String agentName,
      String what,
      Function<Turn, List<OutboxItem.Draft>> outbound,
      boolean onlyIfHandedOff) {
    Instant now = clock.instant();
    Holder seen = new Holder();
    TurnResult result =
        store.runTurn(
            conversationId,
            "agent",
            null,
            current -> {
              ConversationState state =
                  current
                      .orElseThrow(() -> new UnknownConversationException(conversationId))
                      .state();
              if (onlyIfHandedOff && state.status() != Status.HANDOFF) {
                seen.turn = new Turn(state, List.of());
                return new TurnWrite(state, List.of(), Optional.empty(), List.of(), List.of());
              }
              seen.turn = action.apply(state);
              var note =
                  new TranscriptEntry.Draft(
                      now,
                      Author.SYSTEM,
                      agentName,
                      agentName + " " + what,
                      List.of(),
                      null,
                      null,
                      true);
              return write(seen.turn, note, now, outbound);
            });
    audit.info("agent={} {} conversation={}", agentName, what, conversationId);
    return outcome(result, seen.turn);
  }

  private TurnWrite write(
      Turn turn,
      TranscriptEntry.Draft first,
      Instant now,
      Function<Turn, List<OutboxItem.Draft>> outbound) {
    List<TranscriptEntry.Draft> lines = new ArrayList<>();
    lines.add(first);
    for (Action.Reply reply : turn.replies()) {
      lines.add(
          new TranscriptEntry.Draft(
              now, Author.BOT, null, reply.text(), reply.buttons(), null, null, true));
    }
    return new TurnWrite(turn.next(), lines, handoffOf(turn), turn.replies(), outbound.apply(turn));
  }

  private static TurnOutcome outcome(TurnResult result, Turn turn) {
    Optional<HandoffPacket> handoff = turn == null ? Optional.empty() : handoffOf(turn);
    Status status = result.state() == null ? Status.BOT : result.state().status();
    return new TurnOutcome(result.replies(), status, handoff, result.duplicate());
  }

  private static Optional<HandoffPacket> handoffOf(Turn turn) {
    return turn.actions().stream()
        .filter(Action.Handoff.class::isInstance)
        .map(a -> ((Action.Handoff) a).packet())
        .findFirst();
  }

  private static String actionNames(Turn turn) {
    return String.join(
        ",", turn.actions().stream().map(a -> a.getClass().getSimpleName().toLowerCase()).toList());
  }

  /** Carries what the turn computed out of the store's lambda, which may run once or not at all. */
  private static final class Holder {
    ConversationState before;
    Understanding understanding;
    Turn turn;
  }
}
