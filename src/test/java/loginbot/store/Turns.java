package loginbot.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.Action;
import loginbot.dialogue.Button;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Role;
import loginbot.dialogue.Status;
import loginbot.nlu.Language;
import loginbot.store.TranscriptEntry.Author;

/** Small pure turn logics for store tests: each counts turns in the state's facts. */
final class Turns {
  static final List<Button> YES_NO =
      List.of(new Button("Yes", "/affirm"), new Button("No", "/deny"));

  private Turns() {}

  /** Records the user's line and answers "echo N: text", where N counts the turns so far. */
  static TurnLogic echo(String text, Instant at) {
    return current -> {
      ConversationState state = next(current, Status.BOT, Map.of());
      Action.Reply reply = new Action.Reply("echo " + count(state) + ": " + text, YES_NO);
      return new TurnWrite(
          state,
          List.of(user(text, at), bot(reply, at)),
          Optional.empty(),
          List.of(reply),
          List.of());
    };
  }

  /** Like {@link #echo} with outbound calls for the outbox. */
  static TurnLogic echoWithOutbox(String text, Instant at, String... payloads) {
    return current -> {
      TurnWrite write = echo(text, at).apply(current);
      return new TurnWrite(
          write.next(),
          write.transcript(),
          write.handoff(),
          write.replies(),
          java.util.Arrays.stream(payloads).map(p -> new OutboxItem.Draft("send", p)).toList());
    };
  }

  /** Hands the conversation off with {@code packet}, saying so. */
  static TurnLogic handoff(String text, HandoffPacket packet) {
    return current -> {
      ConversationState state = next(current, Status.HANDOFF, Map.of());
      Action.Reply reply = Action.Reply.text("A person will answer you here.");
      return new TurnWrite(
          state,
          List.of(user(text, packet.at()), bot(reply, packet.at())),
          Optional.of(packet),
          List.of(reply),
          List.of());
    };
  }

  /** Sets the status without a new packet (an agent handing back or closing). */
  static TurnLogic status(Status status, Instant at) {
    return current ->
        new TurnWrite(
            next(current, status, Map.of()),
            List.of(
                new TranscriptEntry.Draft(
                    at,
                    Author.SYSTEM,
                    "Ana",
                    "status " + status.code(),
                    List.of(),
                    null,
                    null,
                    true)),
            Optional.empty(),
            List.of(),
            List.of());
  }

  /** Closes the conversation with the user's feedback. */
  static TurnLogic feedback(Boolean helpful, Integer rating, Instant at) {
    return current -> {
      ConversationState s = next(current, Status.CLOSED, Map.of());
      ConversationState rated =
          new ConversationState(
              s.status(),
              s.role(),
              s.language(),
              s.caseId(),
              s.stepIndex(),
              ConversationState.Awaiting.NOTHING,
              s.steps(),
              s.facts(),
              0,
              true,
              s.recentMessages(),
              null,
              null,
              helpful,
              rating,
              false);
      return new TurnWrite(
          rated, List.of(user("/rate " + rating, at)), Optional.empty(), List.of(), List.of());
    };
  }

  /** The user starts over: a new episode, as the dialogue's NewEpisode asks. */
  static TurnLogic newEpisode(String text, Instant at) {
    return current -> {
      ConversationState fresh = ConversationState.initial(Language.EN);
      return new TurnWrite(
          fresh,
          List.of(user(text, at)),
          Optional.empty(),
          List.of(),
          List.of(),
          new EpisodeEvent.NewEpisode(),
          Optional.empty(),
          null);
    };
  }

  /** An agent's line; the state stays as it is. */
  static TurnLogic agentReply(String agent, Instant at) {
    return current ->
        new TurnWrite(
            current.orElseThrow().state(),
            List.of(
                new TranscriptEntry.Draft(
                    at, Author.AGENT, agent, "Hello from " + agent, List.of(), null, null, true)),
            Optional.empty(),
            List.of(),
            List.of(),
            new EpisodeEvent.AgentReplied(agent),
            Optional.empty(),
            null);
  }

  /** Gives the conversation to {@code agent} (null: nobody); nothing else changes. */
  static TurnLogic assign(String agent) {
    return current ->
        new TurnWrite(
            current.orElseThrow().state(),
            List.of(),
            Optional.empty(),
            List.of(),
            List.of(),
            EpisodeEvent.NONE,
            Optional.empty(),
            null,
            agent == null ? Assignment.NOBODY : new Assignment(agent));
  }

  /** Writes new reader details and nothing else. */
  static TurnLogic withReader(Reader reader) {
    return current ->
        new TurnWrite(
            current.orElseThrow().state(),
            List.of(),
            Optional.empty(),
            List.of(),
            List.of(),
            EpisodeEvent.NONE,
            Optional.of(reader),
            null);
  }

  static TurnLogic failing() {
    return current -> {
      throw new IllegalStateException("the logic failed");
    };
  }

  static HandoffPacket packet(String summary, Instant at) {
    return new HandoffPacket(
        HandoffPacket.Reason.USER_ASKED,
        Role.PROFESSIONAL,
        Language.FR,
        "account_disabled",
        List.of(new HandoffPacket.StepTried("check_revoked", "deny")),
        Map.of("error", "Account disabled"),
        "alain_sirois",
        List.of("mon client est bloqué", "non"),
        summary,
        at);
  }

  static int count(ConversationState state) {
    return Integer.parseInt(state.facts().getOrDefault("n", "0"));
  }

  private static ConversationState next(
      Optional<ConversationRecord> current, Status status, Map<String, String> add) {
    ConversationState s =
        current.map(ConversationRecord::state).orElse(ConversationState.initial(Language.EN));
    Map<String, String> facts = new HashMap<>(s.facts());
    facts.put("n", Integer.toString(count(s) + 1));
    facts.putAll(add);
    return new ConversationState(
        status,
        Role.CUSTOMER,
        s.language(),
        "invalid_credentials",
        s.stepIndex() + 1,
        ConversationState.Awaiting.OUTCOME,
        List.of(new HandoffPacket.StepTried("forgot_password", "deny")),
        facts,
        0,
        false,
        List.of("my password is ••••••"));
  }

  private static TranscriptEntry.Draft user(String text, Instant at) {
    return new TranscriptEntry.Draft(
        at, Author.USER, null, text, List.of(), "invalid_credentials", 0.87, true);
  }

  private static TranscriptEntry.Draft bot(Action.Reply reply, Instant at) {
    return new TranscriptEntry.Draft(
        at, Author.BOT, null, reply.text(), reply.buttons(), null, null, true);
  }
}
