package loginbot.delivery;

import java.util.List;
import java.util.Map;
import loginbot.dialogue.Action;
import loginbot.dialogue.Turn;
import loginbot.store.TranscriptEntry;

/**
 * What one turn sends to the user, as an output channel needs it: the dialogue's turn (replies,
 * handoff, close), the transcript lines it adds with their sequence numbers, who caused it, and
 * what the platform told us about the conversation (Chatwoot's custom attributes).
 *
 * @param agent the agent's name for agent actions, null for a user's turn
 */
public record Outgoing(
    String conversationId,
    Cause cause,
    Turn turn,
    List<TranscriptEntry> lines,
    String agent,
    Map<String, Object> attributes) {

  /** What caused the messages. */
  public enum Cause {
    USER_MESSAGE,
    AGENT_REPLY,
    /** An agent gave it back to the bot from loginbot's console. */
    HAND_BACK,
    /** The platform itself gave it back (Chatwoot set it pending): nothing to tell the platform. */
    PLATFORM_HAND_BACK,
    /** The platform gave it to the bot but left it open: the bot sets it pending itself. */
    PLATFORM_REOPEN,
    /**
     * A person wrote on the platform itself; if the bot owned the conversation, it took it over and
     * the platform must show it as the humans' (Chatwoot: open).
     */
    PLATFORM_TAKEOVER,
    /** A person wrote on the platform itself in a conversation already theirs: nothing to send. */
    PLATFORM_AGENT_REPLY,
    CLOSE
  }

  public Outgoing {
    lines = List.copyOf(lines);
    attributes = Map.copyOf(attributes);
  }

  /** Lines the user should read: the bot's and the agents', not the user's own or agents' notes. */
  public List<TranscriptEntry> visibleLines() {
    return lines.stream()
        .filter(
            l ->
                l.author() == TranscriptEntry.Author.BOT
                    || l.author() == TranscriptEntry.Author.AGENT)
        .toList();
  }

  /** The agent's own lines. */
  public boolean hasAgentLine() {
    return lines.stream().anyMatch(l -> l.author() == TranscriptEntry.Author.AGENT);
  }

  public List<Action.Reply> replies() {
    return turn.replies();
  }
}
