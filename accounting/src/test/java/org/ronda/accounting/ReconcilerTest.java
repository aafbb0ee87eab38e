package org.ronda.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loose reading of alert records (the alerts service is built separately). Real: everything; no engine. */
class ReconcilerTest {

    @Test
    void aRecordPerArticleCountsOneAlertPerDecision() {
        assertThat(Reconciler.alertsOfRecord("{\"clusterId\":\"c\",\"article\":{\"articleId\":\"abc\",\"title\":\"t\"},"
                + "\"decisions\":[{\"subscriptionId\":\"s1\",\"revision\":1},{\"subscriptionId\":\"s2\",\"revision\":2}]}"))
                .contains(new Reconciler.AlertCount("abc", 2));
    }

    @Test
    void anAlertOfTheFormerPerSubscriptionFormatCountsOne() {
        assertThat(Reconciler.alertsOfRecord("{\"alertId\":\"s/c\",\"article\":{\"articleId\":\"abc\",\"title\":\"t\"}}"))
                .contains(new Reconciler.AlertCount("abc", 1));
    }

    @Test
    void aRecordThatDoesNotNameItsArticleUnderArticleCountsNothing() {
        assertThat(Reconciler.alertsOfRecord("{\"articleId\":\"abc\"}")).isEmpty();
        assertThat(Reconciler.alertsOfRecord("not json")).isEmpty();
    }
}
