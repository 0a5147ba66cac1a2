package loginbot.dialogue;

import java.time.Instant;
import java.util.Optional;
import loginbot.nlu.Language;
import loginbot.nlu.Understanding;

/**
 * One user message as the dialogue sees it: text already masked, what the NLU understood, and what
 * the channel knows about the user (role and language from metadata, when it has them).
 *
 * @param containedPassword the masker removed a password from this message
 * @param screenshot the image the user sent, when the message is one (its text is what was read)
 */
public record UserInput(
    String text,
    Understanding understanding,
    Optional<Role> channelRole,
    Optional<Language> channelLanguage,
    boolean containedPassword,
    Instant at,
    Optional<Screenshot> screenshot) {

  /** A typed message (no image). */
  public UserInput(
      String text,
      Understanding understanding,
      Optional<Role> channelRole,
      Optional<Language> channelLanguage,
      boolean containedPassword,
      Instant at) {
    this(
        text, understanding, channelRole, channelLanguage, containedPassword, at, Optional.empty());
  }
}
