package loginbot.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import loginbot.mail.MailDeliverer;
import loginbot.store.ConversationKey;
import loginbot.store.OutboxItem;
import loginbot.store.TranscriptEntry;

/**
 * Rasa's REST channel: a message is answered in its response. What an agent (or the bot, after a
 * hand-back or a close) says later is POSTed to {@code REST_CALLBACK_URL} when one is set, Rasa's
 * callback convention; without it, it waits for the user's next message, and is e-mailed when the
 * user left an address and e-mail is set up.
 */
public final class RestOutput implements OutputChannel {
  private final boolean callback;
  private final MailDeliverer.Schedule mail;
  private final ObjectMapper json;

  /**
   * @param mail when unseen agents' answers are e-mailed; null without e-mail
   */
  public RestOutput(boolean callback, MailDeliverer.Schedule mail, ObjectMapper json) {
    this.callback = callback;
    this.mail = mail;
    this.json = json;
  }

  @Override
  public boolean answersInResponse() {
    return true;
  }

  @Override
  public Reach reach() {
    return callback ? Reach.LIVE : Reach.ON_RETURN;
  }

  @Override
  public boolean mailable() {
    return !callback;
  }

  @Override
  public List<OutboxItem.Draft> send(Outgoing o) {
    if (o.cause() == Outgoing.Cause.USER_MESSAGE) {
      return List.of();
    }
    if (!callback) {
      return mail != null && o.hasAgentLine() ? List.of(mail.draft()) : List.of();
    }
    List<OutboxItem.Draft> drafts = new ArrayList<>();
    for (TranscriptEntry line : o.visibleLines()) {
      // The client knows its conversation by the sender it chose, not by the bot's stored key.
      String recipient =
          new ConversationKey(o.conversationId()).restSender().orElse(o.conversationId());
      var message = new CallbackDeliverer.Message(recipient, line.text(), line.buttons());
      drafts.add(
          new OutboxItem.Draft(
              CallbackDeliverer.KIND, encode(new CallbackDeliverer.Item(line.seq(), message))));
    }
    return drafts;
  }

  private String encode(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode a callback message", e);
    }
  }
}
