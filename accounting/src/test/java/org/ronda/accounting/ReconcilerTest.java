package org.ronda.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loose reading of alerts (the alerts service is built separately). Real: everything; no engine. */
class ReconcilerTest {

    @Test
    void alertsNameTheirArticleUnderArticle() {
        assertThat(Reconciler.articleIdOfAlert("{\"alertId\":\"s/c\",\"article\":{\"articleId\":\"abc\",\"title\":\"t\"}}")).contains("abc");
        assertThat(Reconciler.articleIdOfAlert("{\"articleId\":\"abc\"}")).isEmpty();
        assertThat(Reconciler.articleIdOfAlert("not json")).isEmpty();
    }
}
