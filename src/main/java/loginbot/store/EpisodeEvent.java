package loginbot.store;

/**
 * What a turn tells the store about episodes beyond the state it writes: that a new one begins, or
 * what an agent did in the current one.
 */
public sealed interface EpisodeEvent {
  EpisodeEvent NONE = new None();

  /** Nothing beyond the state. */
  record None() implements EpisodeEvent {}

  /** The user starts over: the current episode ends as it is, and a new one begins. */
  record NewEpisode() implements EpisodeEvent {}

  /** An agent wrote to the user. */
  record AgentReplied(String agent) implements EpisodeEvent {}

  /** An agent gave the conversation back to the bot; the episode goes on. */
  record HandedBack(String agent) implements EpisodeEvent {}

  /** An agent closed the conversation. */
  record AgentClosed(String agent) implements EpisodeEvent {}
}
