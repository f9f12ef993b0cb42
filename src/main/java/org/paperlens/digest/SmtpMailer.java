package org.paperlens.digest;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.paperlens.config.MailSettings;

/**
 * Sends over SMTP with Jakarta Mail (Eclipse Angus). Keeps one connection open across messages of a
 * run and reconnects when the server dropped it. Every socket operation has a timeout
 * ({@link MailSettings#timeout()}), so a dead or slow server costs a bounded wait, on the sending
 * thread only.
 */
public final class SmtpMailer implements Mailer {

  private final MailSettings settings;
  private final Session session;
  private Transport transport;

  public SmtpMailer(MailSettings settings) {
    if (!settings.canSend()) {
      throw new IllegalArgumentException("no SMTP server is configured: set $" + MailSettings.HOST_ENV);
    }
    this.settings = settings;
    Properties p = new Properties();
    String millis = Long.toString(settings.timeout().toMillis());
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", Integer.toString(settings.port()));
    p.put("mail.smtp.connectiontimeout", millis);
    p.put("mail.smtp.timeout", millis);
    p.put("mail.smtp.writetimeout", millis);
    p.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
    p.put("mail.smtp.auth", Boolean.toString(settings.user() != null));
    this.session = Session.getInstance(p);
  }

  @Override
  public void send(OutboxMessage m) throws MailFailure {
    try {
      MimeMessage message = toMime(m);
      if (transport == null || !transport.isConnected()) {
        transport = session.getTransport("smtp");
        transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
      }
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      closeQuietly();
      throw classify(m, e);
    }
  }

  /** A multipart/alternative message (plain text first, HTML preferred) with the RFC 8058 headers. */
  MimeMessage toMime(OutboxMessage m) throws MessagingException {
    String messageId = m.messageId();
    MimeMessage message = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId); // fixed at planning: a resend is recognisably the same message
      }
    };
    message.setFrom(new InternetAddress(settings.from()));
    message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(m.email(), true));
    message.setSubject(m.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new java.util.Date());
    if (m.unsubscribeUrl() != null) {
      message.setHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    message.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(m.textBody(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(m.htmlBody(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /** 5xx replies about the recipient or the message are permanent; everything else may pass later. */
  private static MailFailure classify(OutboxMessage m, MessagingException e) {
    String where = "sending to " + m.email() + ": ";
    if (e instanceof AuthenticationFailedException) {
      return new MailFailure(where + "the SMTP server refused the credentials: " + oneLine(e), MailFailure.Kind.UNREACHABLE, e);
    }
    int code = replyCode(e);
    if (code >= 500 && code < 600) {
      return new MailFailure(where + "refused with " + code + ": " + oneLine(e), MailFailure.Kind.PERMANENT, e);
    }
    if (code >= 400) {
      return new MailFailure(where + "deferred with " + code + ": " + oneLine(e), MailFailure.Kind.DEFERRED, e);
    }
    return new MailFailure(where + "mail server unreachable: " + oneLine(e), MailFailure.Kind.UNREACHABLE, e);
  }

  private static int replyCode(MessagingException e) {
    for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
      if (x instanceof SMTPAddressFailedException a) {
        return a.getReturnCode();
      }
      if (x instanceof SMTPSendFailedException s) {
        int own = s.getReturnCode();
        if (own >= 400) {
          return own;
        }
      }
    }
    return -1;
  }

  private static String oneLine(Exception e) {
    String s = String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ");
    return s.length() > 300 ? s.substring(0, 300) : s;
  }

  private void closeQuietly() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // the connection is being dropped because it already failed
      }
      transport = null;
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
