package loginbot.mail;

import java.util.List;
import java.util.Optional;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.Msg;
import loginbot.nlu.Language;
import loginbot.store.ConversationRecord;
import loginbot.store.TranscriptEntry;

/** The e-mail that carries agents' answers, in the conversation's language; texts are content. */
public final class MailTexts {
  private final ContentCatalog content;
  private final String supportEmail;

  public MailTexts(ContentCatalog content, String supportEmail) {
    this.content = content;
    this.supportEmail = supportEmail;
  }

  /** A subject and a plain-text body. */
  public record Mail(String subject, String body) {}

  public Mail compose(ConversationRecord c, List<TranscriptEntry> answers, Optional<String> link) {
    Language language =
        c.state().language() != null
            ? c.state().language()
            : c.episode().language() != null ? c.episode().language() : Language.EN;
    String agent = answers.get(0).name() == null ? "" : answers.get(0).name();
    StringBuilder body = new StringBuilder();
    body.append(text(Msg.MAIL_INTRO, language).replace("{agent}", agent)).append("\n\n");
    for (TranscriptEntry answer : answers) {
      for (String line : answer.text().split("\\R", -1)) {
        body.append("> ").append(line).append('\n');
      }
      body.append('\n');
    }
    body.append(
            link.map(l -> text(Msg.MAIL_LINK, language).replace("{link}", l))
                .orElseGet(() -> text(Msg.MAIL_NO_LINK, language)))
        .append("\n\n-- \n")
        .append(text(Msg.MAIL_FOOTER, language))
        .append('\n');
    return new Mail(text(Msg.MAIL_SUBJECT, language), body.toString());
  }

  private String text(Msg msg, Language language) {
    return content.message(msg, language).replace("{supportEmail}", supportEmail);
  }
}
