package loginbot.delivery;

import java.util.List;
import loginbot.mail.MailDeliverer;
import loginbot.store.OutboxItem;

/**
 * The project's widget: a message is answered in its response, and whatever is written later
 * reaches an open widget through its live stream, which reads new lines from the shared store (so
 * no outbox item is needed for it). What the outbox adds is the check, a short while after an
 * agent's answer, that the user saw it; if not, it is e-mailed.
 */
public final class WidgetOutput implements OutputChannel {
  private final MailDeliverer.Schedule mail;

  /**
   * @param mail when unseen agents' answers are e-mailed; null without e-mail
   */
  public WidgetOutput(MailDeliverer.Schedule mail) {
    this.mail = mail;
  }

  @Override
  public boolean answersInResponse() {
    return true;
  }

  @Override
  public Reach reach() {
    return Reach.LIVE;
  }

  @Override
  public boolean mailable() {
    return true;
  }

  @Override
  public List<OutboxItem.Draft> send(Outgoing o) {
    return mail != null && o.cause() == Outgoing.Cause.AGENT_REPLY && o.hasAgentLine()
        ? List.of(mail.draft())
        : List.of();
  }
}
