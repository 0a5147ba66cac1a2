package loginbot.dialogue;

import java.util.Map;
import java.util.Optional;

/**
 * Where a conversation's role came from, kept as the fact {@code role_source}: {@code page} when
 * the channel's metadata gave it (the embedding page's {@code data-role}, REST metadata, a Chatwoot
 * contact attribute), {@code user} when the user claimed it in a message or with a button, {@code
 * assumed} when the user did not answer the role question and the bot went on as for the account
 * holder. Agents weigh a claim differently from what the page vouches for, and a guess differently
 * from both.
 */
public final class RoleSource {
  public static final String FACT = "role_source";
  public static final String PAGE = "page";
  public static final String USER = "user";
  public static final String ASSUMED = "assumed";

  private RoleSource() {}

  /**
   * The source of the role {@code after} has, given the message that led to it: kept if the role
   * did not change, the page's if the channel's metadata named that role, else the user's claim.
   */
  public static Optional<String> of(
      ConversationState before, ConversationState after, Optional<Role> channelRole) {
    if (after.role() == null) {
      return Optional.empty();
    }
    String known = before == null ? null : before.facts().get(FACT);
    if (before != null && before.role() == after.role() && known != null) {
      return Optional.of(known);
    }
    if (ASSUMED.equals(after.facts().get(FACT)) && !ASSUMED.equals(known)) {
      return Optional.of(ASSUMED); // the dialogue guessed it in this very turn
    }
    return Optional.of(channelRole.filter(r -> r == after.role()).isPresent() ? PAGE : USER);
  }

  /** "given by the page", "claimed by the user" or "assumed by the bot"; empty when unknown. */
  public static Optional<String> describe(Map<String, String> facts) {
    String source = facts.get(FACT);
    if (PAGE.equals(source)) {
      return Optional.of("given by the page");
    }
    if (USER.equals(source)) {
      return Optional.of("claimed by the user");
    }
    if (ASSUMED.equals(source)) {
      return Optional.of("assumed by the bot: the user did not say");
    }
    return Optional.empty();
  }
}
