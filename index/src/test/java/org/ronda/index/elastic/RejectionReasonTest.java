package org.ronda.index.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Dead-letter reasons keep Elasticsearch's cause and drop the quoted value. */
class RejectionReasonTest {

    @Test
    void dropsThePreviewOfTheRefusedValue() {
        String es = "failed to parse field [publishedAt] of type [date] in document with id 'abc'. Preview of field's value: 'Police raided a compound'";
        assertThat(BulkIndexer.withoutValues(es))
                .isEqualTo("failed to parse field [publishedAt] of type [date] in document with id 'abc'.")
                .doesNotContain("Police");
    }

    @Test
    void dropsThePrefixOfAnImmenseTermAndBoundsTheLength() {
        String es = "Document contains at least one immense term in field=\"author\" (whose UTF8 encoding is longer than the max length 32766), "
                + "all of which were skipped. The prefix of the first immense term is: '[80, 111, 108]...'";
        assertThat(BulkIndexer.withoutValues(es)).endsWith("all of which were skipped.").doesNotContain("[80");
        assertThat(BulkIndexer.withoutValues("x".repeat(1000))).hasSize(BulkIndexer.MAX_REASON_CHARS + 1);
        assertThat(BulkIndexer.withoutValues(null)).isEmpty();
    }
}
