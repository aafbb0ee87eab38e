package org.ronda.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleSizeLimitTest {

    @Test
    void aRecordAtTheLimitPasses() {
        assertThat(ArticleSizeLimit.exceeded("a".repeat(1000), 1000)).isEmpty();
    }

    @Test
    void aRecordOverTheLimitIsRefusedWithItsSizeAndTheSettingToChange() {
        assertThat(ArticleSizeLimit.exceeded("a".repeat(1001), 1000))
                .hasValue("1001 bytes, over the limit of 1000 (ronda.enrich.max-article-bytes)");
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        // 400 Thai letters are 1,200 bytes in UTF-8.
        String thai = "ก".repeat(400);
        assertThat(ArticleSizeLimit.exceeded(thai, 1000)).hasValueSatisfying(d -> assertThat(d).startsWith("1200 bytes"));
        assertThat(ArticleSizeLimit.exceeded(thai, 1200)).isEmpty();
    }

    @Test
    void aMissingValueIsLeftToTheDecoder() {
        assertThat(ArticleSizeLimit.exceeded(null, 10)).isEmpty();
    }
}
