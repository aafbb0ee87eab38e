package org.ronda.index.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalLong;

/** Every setting of the index service, under {@code ronda.index}. */
@ConfigMapping(prefix = "ronda.index")
public interface IndexConfig {

    /** Topic names; names live in configuration only. */
    Topics topics();

    /** Consumer group of the indexers. */
    @WithDefault("ronda-index")
    String groupId();

    /**
     * Largest number of documents in one bulk request (also the records taken per poll). At most
     * 10,000: the per-batch lookup of existing documents is one search of that many hits.
     */
    @WithDefault("500")
    int bulkMaxDocs();

    /**
     * Largest estimated size of one bulk request, in bytes (the UTF-8 length of the records'
     * payloads plus a small allowance per action line). A poll that exceeds it is split into
     * several requests; a single larger document is sent alone. Default 5 MiB.
     */
    @WithDefault("5242880")
    long bulkMaxBytes();

    /**
     * Least data the broker gathers before it answers the indexer's fetch, unless
     * {@link #fetchMaxWait()} passes first. Fewer, larger bulk requests cost Elasticsearch far less
     * per document (measured on this machine: 0.60 CPU ms per document in bulks of 10, 0.17 in bulks
     * of 200; docs/decisions.md #35); the price is at most {@code fetch-max-wait} of latency when
     * articles trickle in. Default 512 KiB, about a hundred enriched articles.
     */
    @WithDefault("524288")
    int fetchMinBytes();

    /** Longest the broker holds the indexer's fetch back to gather {@code fetch-min-bytes}. */
    @WithDefault("200ms")
    Duration fetchMaxWait();

    /**
     * Longest wait of one Kafka poll; it also bounds how long a document waits before its bulk
     * request when few records arrive.
     */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** How often the indexer asks Elasticsearch to roll the write alias over; also done once at start-up. */
    @WithDefault("10m")
    Duration rolloverCheckInterval();

    /** Roll over once the write index is this old (monthly indices by default). */
    @WithDefault("30d")
    Duration rolloverMaxAge();

    /**
     * Roll over once the write index's primary shard reaches this size, in Elasticsearch's byte
     * notation ({@code 30gb}, {@code 500mb}). The template gives each index one primary shard, so
     * this is the index's primary size.
     */
    @WithDefault("30gb")
    String rolloverMaxPrimarySize();

    /** Roll over once the write index holds this many documents; unset by default (tests set it low). */
    OptionalLong rolloverMaxDocs();

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
