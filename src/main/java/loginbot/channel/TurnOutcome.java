package loginbot.channel;

import java.util.List;
import java.util.Optional;
import loginbot.dialogue.Action;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Status;
import loginbot.store.ConversationRecord;
import loginbot.store.TranscriptEntry;
import loginbot.store.TurnResult;

/**
 * What a channel needs after a turn, so it reads nothing back: the replies to show, the status, the
 * handoff if one happened, the lines the turn appended, and the conversation as the turn left it
 * (episode, reader, last sequence number).
 *
 * @param replies the bot's answer; on a channel that can only answer when the user writes again,
 *     preceded by what agents wrote meanwhile
 * @param conversation null only for a duplicate of a conversation deleted since
 */
public record TurnOutcome(
    List<Action.Reply> replies,
    Status status,
    Optional<HandoffPacket> handoff,
    boolean duplicate,
    List<TranscriptEntry> lines,
    ConversationRecord conversation) {

  public TurnOutcome {
    replies = List.copyOf(replies);
    lines = List.copyOf(lines);
  }

  /** The last transcript line's sequence number, 0 when unknown. */
  public long lastSeq() {
    return conversation == null ? 0 : conversation.lastSeq();
  }

  /** The outcome of a turn that handed nothing off (agent actions, platform events). */
  static TurnOutcome withoutHandoff(
      TurnResult result, List<Action.Reply> replies, boolean duplicate) {
    return new TurnOutcome(
        replies,
        statusOf(result),
        Optional.empty(),
        duplicate,
        result.appended(),
        result.conversation());
  }

  /** The status a turn left; a duplicate of a deleted conversation counts as the bot's. */
  static Status statusOf(TurnResult result) {
    return result.state() == null ? Status.BOT : result.state().status();
  }
}
