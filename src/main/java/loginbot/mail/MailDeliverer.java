package loginbot.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import loginbot.delivery.Deliverer;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.OutboxItem;
import loginbot.store.TranscriptEntry;

/**
 * E-mail continuation: a short while after an agent answered, the answers the user has neither seen
 * (live stream, a response, a callback) nor been mailed are sent, in one e-mail, to the address the
 * page gave or the user left. Without an address, or when everything was seen, nothing is sent: the
 * answer waits in the chat. The address is never logged.
 */
public final class MailDeliverer implements Deliverer {
  public static final String KIND = "mail.unseen";

  private final ConversationStore store;
  private final Mailer mailer;
  private final MailTexts texts;
  private final ReopenLinks links;
  private final String host;

  /**
   * @param host the domain of the Message-IDs (the sender's)
   */
  public MailDeliverer(
      ConversationStore store, Mailer mailer, MailTexts texts, ReopenLinks links, String host) {
    this.store = store;
    this.mailer = mailer;
    this.texts = texts;
    this.links = links;
    this.host = host;
  }

  /** When the check runs after an agent's answer. */
  public record Schedule(Duration delay) {
    public OutboxItem.Draft draft() {
      return new OutboxItem.Draft(KIND, "{}", delay);
    }
  }

  @Override
  public String kindPrefix() {
    return KIND;
  }

  @Override
  public void deliver(OutboxItem item) throws IOException {
    Optional<ConversationRecord> found = store.find(item.conversationId());
    if (found.isEmpty() || found.get().reader().email() == null) {
      return;
    }
    ConversationRecord c = found.get();
    List<TranscriptEntry> unseen =
        store.transcript(c.id(), c.reader().reachedSeq()).stream()
            .filter(e -> e.author() == TranscriptEntry.Author.AGENT)
            .toList();
    if (unseen.isEmpty()) {
      return;
    }
    long last = unseen.get(unseen.size() - 1).seq();
    MailTexts.Mail mail = texts.compose(c, unseen, links.link(c));
    mailer.send(c.reader().email(), mail.subject(), mail.body(), messageId(c.id(), last));
    store.markMailed(c.id(), last);
  }

  /** Stable for the same lines, so a resend after a crash carries the same Message-ID. */
  private String messageId(String conversationId, long lastSeq) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(conversationId.getBytes(StandardCharsets.UTF_8));
      return "<loginbot."
          + HexFormat.of().formatHex(digest, 0, 12)
          + "."
          + lastSeq
          + "@"
          + host
          + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
