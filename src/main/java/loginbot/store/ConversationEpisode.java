package loginbot.store;

/** An episode with the conversation it belongs to, for analytics across conversations. */
public record ConversationEpisode(String conversationId, String channel, Episode episode) {}
