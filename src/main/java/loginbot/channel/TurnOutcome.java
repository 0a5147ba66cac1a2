package loginbot.channel;

import java.util.List;
import java.util.Optional;
import loginbot.dialogue.Action;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Status;

/**
 * What a channel needs after a turn: replies to show, the status, and the handoff if one happened.
 */
public record TurnOutcome(
    List<Action.Reply> replies, Status status, Optional<HandoffPacket> handoff, boolean duplicate) {

  public TurnOutcome {
    replies = List.copyOf(replies);
  }
}
