package org.ronda.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.Alert;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.Subscription.EmailMode;

/** Subjects, both parts, escaping and the unsubscribe link. Pure logic. */
class EmailComposerTest {

    private static final String SUB = EmailFixtures.subscriptionId(7);
    private final EmailComposer composer = new EmailComposer("https://alerts.example.org/");
    private final Subscription subscription = EmailFixtures.subscription(SUB, "reader@example.org", EmailMode.IMMEDIATE, "Asia/Jakarta", 7, 5);

    @Test
    void immediateMessageHasTheTitleAsSubjectAndEveryField() {
        Alert alert = EmailFixtures.alert(SUB, "c1", 1, Alert.Kind.NEW, 3, "Penipuan online <b>dibongkar</b>", Instant.parse("2026-06-01T03:20:00Z"));
        EmailMessage m = composer.immediate(subscription, alert);
        assertThat(m.to()).isEqualTo("reader@example.org");
        assertThat(m.subject()).isEqualTo("Penipuan online <b>dibongkar</b>");
        assertThat(m.unsubscribeUrl()).isEqualTo("https://alerts.example.org/alerts/unsubscribe?subscription=" + SUB + "&key=" + subscription.unsubscribeKey());
        // Published 03:10 UTC, shown in Jakarta time.
        assertThat(m.text()).contains("Penipuan online <b>dibongkar</b>", "Kompas, 2026-06-01 10:10 WIB", "in 3 outlets",
                "Topic scam: \"penipuan online\"", "Polisi menangkap", "https://news.example.id/c1/1", "Unsubscribe: " + m.unsubscribeUrl());
        assertThat(m.html()).contains("Penipuan online &lt;b&gt;dibongkar&lt;/b&gt;", "in 3 outlets", "scam: &quot;penipuan online&quot;",
                "href=\"https://news.example.id/c1/1\"", "href=\"https://alerts.example.org/alerts/unsubscribe?subscription=" + SUB + "&amp;key=");
        assertThat(m.html()).doesNotContain("<b>dibongkar");
    }

    @Test
    void digestSubjectCountsTheAlerts() {
        Instant at = Instant.parse("2026-06-01T03:20:00Z");
        EmailMessage m = composer.digest(subscription, List.of(EmailFixtures.newAlert(SUB, "a", "One", at), EmailFixtures.newAlert(SUB, "b", "Two", at)));
        assertThat(m.subject()).isEqualTo("2 new alerts for Scams in Indonesia");
        assertThat(m.text()).contains("* One", "* Two", "in 1 outlet\n");
    }

    @Test
    void lineBreaksNeverReachTheSubject() {
        Alert alert = EmailFixtures.newAlert(SUB, "c", "Title\r\nBcc: victim@example.org", Instant.parse("2026-06-01T03:20:00Z"));
        assertThat(composer.immediate(subscription, alert).subject()).isEqualTo("Title Bcc: victim@example.org");
    }
}
