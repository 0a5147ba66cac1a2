package loginbot.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.delivery.Outgoing;
import loginbot.delivery.Outputs;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.Dialogue;
import loginbot.dialogue.Status;
import loginbot.dialogue.Turn;
import loginbot.store.ConversationStore;
import loginbot.store.EpisodeEvent;
import loginbot.store.TranscriptEntry;
import loginbot.store.TranscriptEntry.Author;
import loginbot.store.TurnResult;
import loginbot.store.TurnWrite;

/**
 * What a person wrote on the platform itself (a Chatwoot agent in Chatwoot's own inbox), kept in
 * the transcript so the bot knows the user was answered. When the bot owned the conversation and
 * the platform still had it as the bot's turn, the person took it over: the bot goes silent, and
 * the platform is told through the conversation's one outbound path.
 */
final class PlatformAgents {
  private final ConversationStore store;
  private final Dialogue dialogue;
  private final Outputs outputs;

  PlatformAgents(ConversationStore store, Dialogue dialogue, Outputs outputs) {
    this.store = store;
    this.dialogue = dialogue;
    this.outputs = outputs;
  }

  /**
   * @param botsTurn the platform had the conversation as the bot's (Chatwoot: pending)
   * @throws AgentActionRefusedException for a conversation the bot never had
   */
  TurnResult wrote(
      String conversationId,
      String messageId,
      String agent,
      String text,
      boolean botsTurn,
      Instant now) {
    return store.runTurn(
        conversationId,
        "agent",
        messageId,
        current -> {
          var record =
              current.orElseThrow(
                  () ->
                      new AgentActionRefusedException(
                          "conversation " + conversationId + " is not the bot's"));
          ConversationState state = record.state();
          boolean takeover = botsTurn && state.status() != Status.HANDOFF;
          Turn turn = takeover ? dialogue.takenOver(state) : new Turn(state, List.of());
          List<TranscriptEntry.Draft> lines = new ArrayList<>();
          if (takeover) {
            lines.add(
                TranscriptEntry.Draft.plain(
                    now, Author.SYSTEM, agent, agent + " took over the conversation"));
          }
          lines.add(TranscriptEntry.Draft.plain(now, Author.AGENT, agent, text));
          var drafts =
              outputs
                  .of(record.channel())
                  .send(
                      new Outgoing(
                          conversationId,
                          takeover
                              ? Outgoing.Cause.PLATFORM_TAKEOVER
                              : Outgoing.Cause.PLATFORM_AGENT_REPLY,
                          turn,
                          UserTurns.numbered(lines, record.lastSeq()),
                          agent,
                          Map.of()));
          return new TurnWrite(
              turn.next(),
              lines,
              Optional.empty(),
              List.of(),
              drafts,
              new EpisodeEvent.AgentReplied(agent),
              Optional.empty(),
              !drafts.isEmpty());
        });
  }
}
