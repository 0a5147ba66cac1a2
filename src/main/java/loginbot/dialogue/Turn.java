package loginbot.dialogue;

import java.util.List;

/** The result of one dialogue step: the next state and the actions to perform, in order. */
public record Turn(ConversationState next, List<Action> actions) {
  public Turn {
    actions = List.copyOf(actions);
  }

  public List<Action.Reply> replies() {
    return actions.stream()
        .filter(Action.Reply.class::isInstance)
        .map(Action.Reply.class::cast)
        .toList();
  }
}
