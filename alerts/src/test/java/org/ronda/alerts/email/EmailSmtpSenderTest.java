package org.ronda.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The SMTP sender against in-process servers on 127.0.0.1: GreenMail for a delivered message, a
 * scripted server for 4xx and 5xx replies, and a closed port for a refused connection. No broker.
 */
class EmailSmtpSenderTest {

    private static final EmailMessage MESSAGE = new EmailMessage("reader@example.org", "Penipuan online dibongkar",
            "plain body", "<p>html body</p>", "http://127.0.0.1:8085/alerts/unsubscribe?subscription=sub_1&key=k");

    private static SmtpMailSender sender(int port) {
        return new SmtpMailSender("127.0.0.1", port, "Ronda alerts <alerts@ronda.localhost>", Duration.ofSeconds(5));
    }

    @Test
    void deliversBothPartsAndTheOneClickUnsubscribeHeaders() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        try {
            sender(mail.getSmtp().getPort()).send(MESSAGE);
            MimeMessage received = mail.getReceivedMessages()[0];
            assertThat(received.getSubject()).isEqualTo("Penipuan online dibongkar");
            assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<http://127.0.0.1:8085/alerts/unsubscribe?subscription=sub_1&key=k>");
            assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            MimeMultipart parts = (MimeMultipart) received.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        } finally {
            mail.stop();
        }
    }

    @Test
    void rejectedRecipientIsPermanent() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 no such user")) {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> sender(server.port()).send(MESSAGE));
            assertThat(e.isTransient()).isFalse();
            assertThat(e.reason()).isEqualTo("recipient-rejected");
            assertThat(e.replyCode()).isEqualTo(550);
        }
    }

    @Test
    void deferredRecipientIsTransient() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("451 4.3.0 try again later")) {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> sender(server.port()).send(MESSAGE));
            assertThat(e.isTransient()).isTrue();
            assertThat(e.reason()).isEqualTo("smtp-4xx");
            assertThat(e.replyCode()).isEqualTo(451);
        }
    }

    @Test
    void refusedConnectionIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> sender(closedPort).send(MESSAGE));
        assertThat(e.isTransient()).isTrue();
        assertThat(e.reason()).isEqualTo("smtp-unreachable");
    }
}
