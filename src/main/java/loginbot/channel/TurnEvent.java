package loginbot.channel;

import loginbot.dialogue.ConversationState;
import loginbot.dialogue.Turn;
import loginbot.nlu.Understanding;

/**
 * One processed user message, as observers see it. For a redelivered message ({@code duplicate})
 * nothing ran, so {@code understanding}, {@code before} and {@code turn} are null. While a human
 * owns the conversation the turn has no actions.
 *
 * @param before the state before the message, null for a conversation's first message
 * @param nanos wall time of the whole turn, store included
 */
public record TurnEvent(
    String channel,
    String conversationId,
    boolean duplicate,
    Understanding understanding,
    ConversationState before,
    Turn turn,
    long nanos) {}
