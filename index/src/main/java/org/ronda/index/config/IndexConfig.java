package org.ronda.index.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of the index service, under {@code ronda.index}. */
@ConfigMapping(prefix = "ronda.index")
public interface IndexConfig {

    /** Topic names; names live in configuration only. */
    Topics topics();

    /** Consumer group of the indexers. */
    @WithDefault("ronda-index")
    String groupId();

    /** Largest number of documents in one bulk request (also the records taken per poll). */
    @WithDefault("500")
    int bulkMaxDocs();

    /** Alias that searches and writes go through; the indices behind it are {@code <alias>-NNNNNN}. */
    @WithDefault("ronda-articles")
    String alias();

    /** First wait after a failed bulk attempt; doubles per attempt with jitter. */
    @WithDefault("500ms")
    Duration retryInitialBackoff();

    /** Longest wait between bulk attempts while Elasticsearch is unavailable. */
    @WithDefault("30s")
    Duration retryMaxBackoff();

    /** Kafka topics. */
    interface Topics {
        /** Input: enriched articles. */
        String enrichedArticles();

        /** Records the indexer cannot index (bad event, mapping rejected), with the reason. */
        String deadLetter();
    }
}
