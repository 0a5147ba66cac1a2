package loginbot.store;

import java.time.Instant;
import java.util.Optional;

/**
 * What the server keeps about each widget token: when it was issued and last used, whether its
 * conversation has begun, and the live signals the widget shows (an agent typing, what an agent has
 * seen). Thread-safe; shared by every instance on PostgreSQL.
 */
public interface WidgetSessions {

  /**
   * One token's record.
   *
   * @param bound the conversation's first message was accepted
   * @param typingName the agent typing now, null if none
   * @param typingUntil when that typing signal lapses
   * @param seenSeq the last transcript line an agent has seen, 0 if none
   */
  record Session(
      String conversationId,
      Instant issuedAt,
      Instant lastUsedAt,
      boolean bound,
      String typingName,
      Instant typingUntil,
      long seenSeq,
      String seenName) {}

  /** Records a newly issued token. */
  void open(String conversationId, Instant at);

  Optional<Session> find(String conversationId);

  /** Marks the token used at {@code at}; {@code bind} also marks its conversation as begun. */
  void touch(String conversationId, Instant at, boolean bind);

  /** An agent is typing in this conversation until {@code until}; a null name clears it. */
  void typing(String conversationId, String agentName, Instant until);

  /** An agent has seen the transcript up to {@code seq}; never moves back. */
  void seen(String conversationId, long seq, String agentName);

  /** Forgets one token: it no longer opens anything. */
  void close(String conversationId);

  /** Forgets tokens unused since {@code cutoff}; returns how many. */
  int purgeUnusedSince(Instant cutoff);
}
