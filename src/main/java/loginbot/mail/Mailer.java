package loginbot.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import loginbot.delivery.UndeliverableException;

/**
 * Sends plain-text e-mail over SMTP with Angus Mail. A server that is down, slow or answers with a
 * temporary error is an {@link IOException} (retried); an address the server rejects for good is
 * {@link UndeliverableException}.
 */
public final class Mailer {
  private final SmtpSettings smtp;
  private final InternetAddress from;
  private final InternetAddress replyTo;
  private final Session session;
  private final Clock clock;

  public Mailer(SmtpSettings smtp, String from, String replyTo, Clock clock) {
    this.smtp = smtp;
    try {
      this.from = new InternetAddress(from, true);
      this.replyTo = new InternetAddress(replyTo, true);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("not an e-mail address: " + from, e);
    }
    this.clock = clock;
    String protocol = smtp.tls() ? "smtps" : "smtp";
    Properties props = new Properties();
    props.put("mail.transport.protocol", protocol);
    props.put("mail." + protocol + ".host", smtp.host());
    props.put("mail." + protocol + ".port", Integer.toString(smtp.port()));
    props.put("mail." + protocol + ".auth", Boolean.toString(smtp.user().isPresent()));
    props.put("mail." + protocol + ".connectiontimeout", "10000");
    props.put("mail." + protocol + ".timeout", "20000");
    props.put("mail." + protocol + ".writetimeout", "20000");
    if (!smtp.tls()) {
      props.put("mail.smtp.starttls.enable", "true");
    }
    this.session = Session.getInstance(props);
  }

  /** One message; {@code messageId} is stable across retries so a repeat can be recognised. */
  public void send(String to, String subject, String text, String messageId) throws IOException {
    try {
      MimeMessage message = new FixedIdMessage(session, messageId);
      message.setFrom(from);
      message.setReplyTo(new Address[] {replyTo});
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(text, StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(clock.instant()));
      Transport.send(message, smtp.user().orElse(null), smtp.password().orElse(null));
    } catch (SendFailedException e) {
      if (e.getValidSentAddresses() == null
          && e.getInvalidAddresses() != null
          && e.getInvalidAddresses().length > 0) {
        throw new UndeliverableException("the mail server refused the address", e);
      }
      throw new IOException("sending e-mail failed: " + e.getMessage(), e);
    } catch (AuthenticationFailedException e) {
      throw new IOException("the mail server refused SMTP_URL's credentials", e);
    } catch (MessagingException e) {
      throw new IOException("sending e-mail through " + smtp.describe() + " failed: " + e, e);
    }
  }

  /** The error's text without any e-mail address a server may have quoted: logs never hold one. */
  static String redacted(Exception e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      text.append(" (").append(c.getMessage()).append(')');
    }
    return text.toString().replaceAll("[^\\s<>()\"']+@[^\\s<>()\"']+", "<address>");
  }

  /** Keeps the Message-ID we chose instead of a new one per attempt. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
