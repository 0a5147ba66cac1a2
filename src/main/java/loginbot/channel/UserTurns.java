package loginbot.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.delivery.Notices;
import loginbot.delivery.Outgoing;
import loginbot.delivery.OutputChannel;
import loginbot.dialogue.Action;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Responder;
import loginbot.dialogue.RoleSource;
import loginbot.dialogue.Status;
import loginbot.dialogue.Turn;
import loginbot.mail.EmailAddress;
import loginbot.nlu.Understanding;
import loginbot.store.ConversationRecord;
import loginbot.store.EpisodeEvent;
import loginbot.store.OutboxItem;
import loginbot.store.Reader;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;
import loginbot.store.TurnLogic;
import loginbot.store.TurnWrite;

/**
 * Decides a user's turn inside the store's lock, with no I/O: the dialogue's answer, then what the
 * channel adds to it (how an agent's answer will reach the user, an e-mail address the user left),
 * and what goes out later. While a human owns the chat the dialogue is silent; the only thing said
 * then is the acknowledgement of an address the bot asked for.
 */
final class UserTurns {
  /** Facts added to the packet, so the agent sees where the answer can go. */
  static final String REPLY_EMAIL = "reply_email";

  static final String REPLY_EMAIL_SOURCE = "reply_email_source";

  private final Responder responder;
  private final Notices notices;

  UserTurns(Responder responder, Notices notices) {
    this.responder = responder;
    this.notices = notices;
  }

  /**
   * What the caller needs from the turn it decided (returned as the write's note).
   *
   * @param unseenAfter lines after this one were not seen yet and are to be returned first; -1 if
   *     none are
   */
  record Decided(
      Understanding understanding,
      ConversationState before,
      Turn turn,
      Optional<HandoffPacket> handoff,
      long unseenAfter,
      boolean queued) {}

  /**
   * The turn of a user's message. Masking and classifying need no state (but in one case, left to
   * the turn), so the store has them done before it takes the conversation's lock (and, on
   * PostgreSQL, a connection): the lock is then held for the dialogue and the writes only.
   */
  TurnLogic logic(InboundMessage message, OutputChannel out, Instant now) {
    return new UserTurn(message, out, now, null);
  }

  /** A user's turn, with the message read ahead once {@link #prepared} ran. */
  private final class UserTurn implements TurnLogic {
    private final InboundMessage message;
    private final OutputChannel out;
    private final Instant now;
    private final Responder.Reading ahead;

    UserTurn(InboundMessage message, OutputChannel out, Instant now, Responder.Reading ahead) {
      this.message = message;
      this.out = out;
      this.now = now;
      this.ahead = ahead;
    }

    @Override
    public TurnLogic prepared() {
      return new UserTurn(message, out, now, responder.readAhead(message.text()));
    }

    @Override
    public TurnWrite apply(Optional<ConversationRecord> current) {
      return decide(message, ahead, out, current, now);
    }
  }

  /**
   * @param ahead the message read before the turn ({@link Responder#readAhead}); null when its
   *     masking depends on the state, and it is read here
   */
  TurnWrite decide(
      InboundMessage message,
      Responder.Reading ahead,
      OutputChannel out,
      Optional<ConversationRecord> current,
      Instant now) {
    ConversationState before = current.map(ConversationRecord::state).orElse(null);
    long lastSeq = current.map(ConversationRecord::lastSeq).orElse(0L);
    Reader reader =
        visitor(current.map(ConversationRecord::reader).orElse(Reader.UNKNOWN), message);
    List<TranscriptEntry.Draft> lines = new ArrayList<>();
    if (current.isEmpty()) {
      message
          .visitor()
          .note()
          .ifPresent(
              note ->
                  lines.add(
                      new TranscriptEntry.Draft(
                          now,
                          Author.SYSTEM,
                          message.channel(),
                          note,
                          List.of(),
                          null,
                          null,
                          true)));
    }
    Understanding understanding;
    Turn turn;
    Optional<HandoffPacket> handoff = Optional.empty();
    Optional<HandoffPacket> packetWritten = Optional.empty();
    EpisodeEvent event = EpisodeEvent.NONE;
    if (before != null && before.status() == Status.HANDOFF) {
      // A human owns this chat: record what the user said for the agent.
      Responder.Reading reading = responder.read(before, message.text(), ahead);
      understanding = reading.understanding();
      lines.add(userLine(now, reading, true));
      List<Action> said = new ArrayList<>();
      if (reader.awaitingEmail() && notices != null) {
        Optional<String> typed = EmailAddress.candidate(reading.masked().text());
        if (typed.isPresent() && EmailAddress.valid(typed.get())) {
          String address = EmailAddress.normalise(typed.get());
          reader = reader.withEmail(address, "user");
          said.add(Action.Reply.text(notices.emailSaved(address, before.language())));
          packetWritten =
              current.flatMap(ConversationRecord::handoff).map(p -> withEmail(p, address, "user"));
        } else if (typed.isPresent()) {
          said.add(Action.Reply.text(notices.emailInvalid(before.language())));
        }
      }
      turn = new Turn(before, said);
    } else {
      Responder.Response response =
          responder.respond(
              before,
              message.text(),
              ahead,
              message.role(),
              message.language(),
              now,
              message.screenshot());
      understanding = response.reading().understanding();
      turn = withRoleSource(before, response.turn(), message.role());
      // "Understood" is the dialogue's verdict: it reads yes/no, buttons and greetings that the
      // classifier may score low.
      lines.add(userLine(now, response.reading(), !TurnEvent.missed(before, turn)));
      if (turn.actions().stream().anyMatch(Action.NewEpisode.class::isInstance)) {
        event = new EpisodeEvent.NewEpisode();
        reader = reader.awaitingEmail(false);
      }
      Optional<HandoffPacket> packet = handoffOf(turn);
      if (packet.isPresent()) {
        HandoffPacket p = packet.get();
        if (reader.email() != null) {
          p = withEmail(p, reader.email(), reader.emailSource());
        }
        handoff = Optional.of(p);
        packetWritten = handoff;
        if (notices != null) {
          Notices.Reach reach =
              notices.afterHandoff(out, reader.email(), turn.next().language(), now);
          turn = withReachNotice(turn, reach.text());
          reader = reader.awaitingEmail(reach.asksForEmail());
        }
      }
    }
    lines.addAll(botLines(turn, now));
    // The user had read everything before: a response carries this turn's lines, so they are seen
    // too. Otherwise the caller returns the unseen lines first, then marks them seen.
    boolean unseenBefore = current.isPresent() && reader.seenSeq() < lastSeq;
    long unseenAfter = -1;
    if (out.answersInResponse() && !unseenBefore) {
      reader = reader.seenThrough(lastSeq + lines.size());
    } else if (out.reach() == OutputChannel.Reach.ON_RETURN && unseenBefore) {
      unseenAfter = reader.seenSeq();
    }
    List<OutboxItem.Draft> drafts =
        out.send(
            new Outgoing(
                message.conversationId(),
                Outgoing.Cause.USER_MESSAGE,
                turn,
                numbered(lines, lastSeq),
                null,
                message.attributes()));
    return new TurnWrite(
        turn.next(),
        lines,
        packetWritten,
        turn.replies(),
        drafts,
        event,
        Optional.of(reader),
        new Decided(understanding, before, turn, handoff, unseenAfter, !drafts.isEmpty()));
  }

  /**
   * The turn with where its role came from noted in the state, and in a handoff packet it makes, so
   * the agent knows whether the page vouched for the role or the user claimed it.
   */
  private static Turn withRoleSource(
      ConversationState before, Turn turn, Optional<loginbot.dialogue.Role> channelRole) {
    Optional<String> source = RoleSource.of(before, turn.next(), channelRole);
    if (source.isEmpty() || source.get().equals(turn.next().facts().get(RoleSource.FACT))) {
      return turn;
    }
    List<Action> actions = new ArrayList<>();
    for (Action a : turn.actions()) {
      actions.add(
          a instanceof Action.Handoff h
              ? new Action.Handoff(withFact(h.packet(), RoleSource.FACT, source.get()))
              : a);
    }
    return new Turn(turn.next().withFact(RoleSource.FACT, source.get()), actions);
  }

  private static HandoffPacket withFact(HandoffPacket p, String key, String value) {
    Map<String, String> facts = new HashMap<>(p.facts());
    facts.put(key, value);
    return new HandoffPacket(
        p.reason(),
        p.role(),
        p.language(),
        p.caseId(),
        p.steps(),
        facts,
        p.identifier(),
        p.lastMessages(),
        p.summary(),
        p.at());
  }

  /** The page's contact details, kept unless the user already left an address of their own. */
  private static Reader visitor(Reader reader, InboundMessage message) {
    Visitor v = message.visitor();
    Reader r = reader;
    if (v.page() != null) {
      r = r.withPage(v.page());
    }
    r = r.withClient(new Reader.Client(v.name(), v.device(), v.appVersion()));
    if (v.email() != null && r.email() == null) {
      r = r.withEmail(v.email(), "page").awaitingEmail(reader.awaitingEmail());
    }
    return r;
  }

  private static HandoffPacket withEmail(HandoffPacket p, String address, String source) {
    Map<String, String> facts = new HashMap<>(p.facts());
    facts.put(REPLY_EMAIL, address);
    facts.put(REPLY_EMAIL_SOURCE, source);
    return new HandoffPacket(
        p.reason(),
        p.role(),
        p.language(),
        p.caseId(),
        p.steps(),
        facts,
        p.identifier(),
        p.lastMessages(),
        p.summary(),
        p.at());
  }

  /** The dialogue's turn with the reach sentence added to its handoff notice (the last reply). */
  private static Turn withReachNotice(Turn turn, String text) {
    List<Action> actions = new ArrayList<>(turn.actions());
    int handoff = -1;
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i) instanceof Action.Handoff) {
        handoff = i;
      }
    }
    for (int i = handoff; i >= 0; i--) {
      if (actions.get(i) instanceof Action.Reply r) {
        actions.set(i, new Action.Reply(r.text() + " " + text, r.buttons()));
        return new Turn(turn.next(), actions);
      }
    }
    actions.add(handoff, Action.Reply.text(text));
    return new Turn(turn.next(), actions);
  }

  static Optional<HandoffPacket> handoffOf(Turn turn) {
    return turn.actions().stream()
        .filter(Action.Handoff.class::isInstance)
        .map(a -> ((Action.Handoff) a).packet())
        .findFirst();
  }

  static List<TranscriptEntry.Draft> botLines(Turn turn, Instant now) {
    return turn.replies().stream()
        .map(
            r ->
                new TranscriptEntry.Draft(
                    now, Author.BOT, null, r.text(), r.buttons(), null, null, true))
        .toList();
  }

  /** The lines with the sequence numbers the store will give them. */
  static List<TranscriptEntry> numbered(List<TranscriptEntry.Draft> lines, long lastSeq) {
    List<TranscriptEntry> out = new ArrayList<>();
    long seq = lastSeq;
    for (TranscriptEntry.Draft d : lines) {
      out.add(d.withSeq(++seq));
    }
    return out;
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
}
