package loginbot.delivery;

import java.time.Instant;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.Msg;
import loginbot.handoff.SupportHours;
import loginbot.nlu.Language;

/**
 * What the user is told about how an agent's answer will reach them, in their language: the
 * sentence after a handoff notice, and the answers to an e-mail address they typed. Every text is
 * content ({@code system.yaml}).
 */
public final class Notices {
  private final ContentCatalog content;
  private final String supportEmail;
  private final SupportHours hours;
  private final boolean mail;

  /**
   * @param mail whether e-mail continuation is set up (SMTP_URL)
   */
  public Notices(ContentCatalog content, String supportEmail, SupportHours hours, boolean mail) {
    this.content = content;
    this.supportEmail = supportEmail;
    this.hours = hours;
    this.mail = mail;
  }

  /** The sentence after a handoff notice, and whether it asks for an e-mail address. */
  public record Reach(String text, boolean asksForEmail) {}

  /**
   * How the answer will reach the user. A user who cannot wait (out of hours, or a channel that can
   * only answer when they write again) is offered e-mail; one who can is offered it only on
   * request. Without e-mail, the answer waits in the chat and {@code SUPPORT_EMAIL} is given.
   *
   * @param email the address already known, or null
   */
  public Reach afterHandoff(OutputChannel channel, String email, Language language, Instant at) {
    boolean canWait = channel.reach() == OutputChannel.Reach.LIVE && hours.isOpen(at);
    boolean byMail = mail && channel.mailable();
    if (channel.reach() == OutputChannel.Reach.LIVE && !channel.mailable()) {
      return new Reach(text(Msg.REACH_HERE, language, null), false);
    }
    if (canWait) {
      if (!byMail) {
        return new Reach(text(Msg.REACH_HERE, language, null), false);
      }
      return email == null
          ? new Reach(text(Msg.REACH_HERE_OR_EMAIL, language, null), true)
          : new Reach(text(Msg.REACH_HERE_AND_EMAIL, language, email), false);
    }
    if (!byMail) {
      return new Reach(text(Msg.REACH_LATER, language, null), false);
    }
    return email == null
        ? new Reach(text(Msg.REACH_LATER_ASK_EMAIL, language, null), true)
        : new Reach(text(Msg.REACH_LATER_EMAIL_KNOWN, language, email), false);
  }

  public String emailSaved(String email, Language language) {
    return text(Msg.EMAIL_SAVED, language, email);
  }

  public String emailInvalid(Language language) {
    return text(Msg.EMAIL_INVALID, language, null);
  }

  /** Any content message with {@code {supportEmail}} and {@code {email}} filled. */
  public String text(Msg msg, Language language, String email) {
    String text =
        content
            .message(msg, language == null ? Language.EN : language)
            .replace("{supportEmail}", supportEmail);
    return email == null ? text : text.replace("{email}", email);
  }
}
