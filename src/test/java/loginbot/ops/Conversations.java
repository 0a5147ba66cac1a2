package loginbot.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.MutableClock;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Status;
import loginbot.nlu.Language;
import loginbot.store.ConversationStore;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;
import loginbot.store.TurnWrite;

/** Writes finished conversations into a real store, line by line at the times a test chooses. */
final class Conversations {
  private final ConversationStore store;
  private final MutableClock clock;

  Conversations(ConversationStore store, MutableClock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A conversation being written: lines are stored when {@link #end} is called. */
  final class Builder {
    private final String id;
    private final String channel;
    private final List<TranscriptEntry.Draft> lines = new ArrayList<>();
    private ConversationState state;
    private HandoffPacket packet;

    Builder(String id, String channel, Language language) {
      this.id = id;
      this.channel = channel;
      this.state = ConversationState.initial(language);
    }

    Builder user(Instant at, String text, String intent, boolean understood) {
      lines.add(
          new TranscriptEntry.Draft(
              at, Author.USER, null, text, List.of(), intent, 0.5, understood));
      return this;
    }

    Builder line(Instant at, Author author, String name, String text) {
      lines.add(new TranscriptEntry.Draft(at, author, name, text, List.of(), null, null, true));
      return this;
    }

    Builder state(Status status, String caseId, boolean resolved) {
      state =
          new ConversationState(
              status,
              state.role(),
              state.language(),
              caseId,
              0,
              null,
              List.of(),
              Map.of(),
              0,
              resolved,
              List.of());
      return this;
    }

    Builder feedback(Boolean helpful, Integer rating) {
      ConversationState s = state;
      state =
          new ConversationState(
              s.status(),
              s.role(),
              s.language(),
              s.caseId(),
              s.stepIndex(),
              s.awaiting(),
              s.steps(),
              s.facts(),
              s.notUnderstoodInRow(),
              s.resolved(),
              s.recentMessages(),
              s.stepId(),
              s.pendingCaseId(),
              helpful,
              rating,
              false);
      return this;
    }

    Builder handoff(HandoffPacket.Reason reason, Instant at) {
      packet =
          new HandoffPacket(
              reason,
              null,
              state.language(),
              state.caseId(),
              List.of(),
              Map.of(),
              null,
              List.of(),
              "summary",
              at);
      state =
          new ConversationState(
              Status.HANDOFF,
              state.role(),
              state.language(),
              state.caseId(),
              0,
              null,
              List.of(),
              Map.of(),
              0,
              state.resolved(),
              List.of());
      return this;
    }

    /**
     * Stores the first line at its time (creation), then the rest and the final state at {@code
     * last}.
     */
    void end(Instant last) {
      Instant created = lines.isEmpty() ? last : lines.get(0).at();
      clock.set(created);
      store.runTurn(
          id,
          channel,
          null,
          current ->
              new TurnWrite(
                  ConversationState.initial(state.language()),
                  lines.isEmpty() ? List.of() : List.of(lines.get(0)),
                  Optional.empty(),
                  List.of(),
                  List.of()));
      clock.set(last);
      store.runTurn(
          id,
          channel,
          null,
          current ->
              new TurnWrite(
                  state,
                  lines.size() <= 1 ? List.of() : lines.subList(1, lines.size()),
                  Optional.ofNullable(packet),
                  List.of(),
                  List.of()));
    }
  }

  Builder start(String id, String channel, Language language) {
    return new Builder(id, channel, language);
  }
}
