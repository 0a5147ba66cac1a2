package loginbot.store;

import java.time.Instant;
import java.util.List;

/** The team's canned replies, shared by every agent and inserted by {@code /shortcut}. */
public interface CannedReplies {

  /**
   * One reply.
   *
   * @param shortcut what the agent types after {@code /}: lower case letters, digits, - and _
   * @param createdBy the agent who saved it
   */
  record Canned(String shortcut, String text, String createdBy, Instant createdAt) {}

  /** Every reply, by shortcut. */
  List<Canned> list();

  /** Saves a reply; false, and nothing changes, when its shortcut is already taken. */
  boolean create(Canned reply);

  /** False when there was no reply with this shortcut. */
  boolean delete(String shortcut);
}
