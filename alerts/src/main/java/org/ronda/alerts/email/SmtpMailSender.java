package org.ronda.alerts.email;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sends messages over SMTP with Jakarta Mail (Angus), synchronously, on the caller's thread.
 *
 * <p>Why not the Quarkus mailer: the dispatcher must know, for each failure, whether the same
 * message may succeed later. Angus reports the SMTP reply code in typed exceptions
 * ({@link SMTPAddressFailedException}, {@link SMTPSendFailedException}) and a refused connection
 * as {@link MailConnectException}; the Vert.x client behind the Quarkus mailer reports most of them
 * as text. A plain class also lets the tests run it against GreenMail without starting Quarkus.
 */
final class SmtpMailSender implements MailSender {

    private final Session session;
    private final InternetAddress from;

    /**
     * @param host    SMTP host
     * @param port    SMTP port
     * @param from    the From address, such as {@code Ronda alerts <alerts@example.org>}
     * @param timeout connect and read timeout
     */
    SmtpMailSender(String host, int port, String from, Duration timeout) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        this.session = Session.getInstance(p);
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("ronda.alerts.email.smtp.from is not an address: " + from, e);
        }
    }

    @Override
    public void send(EmailMessage message) throws MailDeliveryException {
        MimeMessage mime;
        try {
            mime = toMime(message);
        } catch (AddressException e) {
            throw new MailDeliveryException("invalid-address", -1, false, "recipient address is not valid: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new MailDeliveryException("invalid-message", -1, false, "message could not be built: " + e.getMessage(), e);
        }
        try {
            Transport.send(mime);
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    private MimeMessage toMime(EmailMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(from);
        mime.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress(message.to(), true)});
        mime.setSubject(message.subject(), "UTF-8");
        // RFC 8058: a mail client may unsubscribe with one POST to this URL, without a page.
        mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), "UTF-8", "html");
        // Least preferred first, as multipart/alternative requires.
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    /** Sorts a failure into transient (retry) or permanent (dead letter) by its SMTP reply code. */
    static MailDeliveryException classify(MessagingException e) {
        int code = replyCode(e);
        if (code >= 500) {
            boolean recipient = findAddressFailure(e) != null;
            return new MailDeliveryException(recipient ? "recipient-rejected" : "smtp-5xx", code, false,
                    "SMTP server refused the message with " + code, e);
        }
        if (code >= 400) {
            return new MailDeliveryException("smtp-4xx", code, true, "SMTP server deferred the message with " + code, e);
        }
        // No reply code: the server was not reached or the connection broke; the message may go through later.
        return new MailDeliveryException("smtp-unreachable", -1, true, "SMTP server not reachable: " + e.getMessage(), e);
    }

    private static int replyCode(MessagingException e) {
        SMTPAddressFailedException address = findAddressFailure(e);
        if (address != null) {
            return address.getReturnCode();
        }
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPSendFailedException send) {
                return send.getReturnCode();
            }
            if (t instanceof MailConnectException || t instanceof IOException) {
                return -1;
            }
        }
        return -1;
    }

    private static SMTPAddressFailedException findAddressFailure(MessagingException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException address) {
                return address;
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
