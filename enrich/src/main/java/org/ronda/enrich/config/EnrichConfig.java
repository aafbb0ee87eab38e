package org.ronda.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Every setting of the enrich service, under {@code ronda.enrich}. */
@ConfigMapping(prefix = "ronda.enrich")
public interface EnrichConfig {

    /** Topic names; names live in configuration only. */
    Topics topics();

    /** Consumer group of the enrichers; instances in one group share the raw topic's partitions. */
    @WithDefault("ronda-enrich")
    String groupId();

    /**
     * This instance's name, unique among running enrichers. It makes the transactional id stable, so
     * a restarted instance aborts its predecessor's open transaction at once instead of letting it
     * block readers until the transaction times out.
     */
    @WithDefault("0")
    String instanceId();

    /** Records taken per poll; a transaction may hold several polls (see {@link #transaction()}). */
    @WithDefault("200")
    int maxPollRecords();

    /**
     * Threads that tag the records of a poll in parallel (language, topics, countries,
     * organisations: about 80% of an article's CPU). Story clusters and sends stay on the loop
     * thread, in record order, so the output is the same as with one thread. 1 (the default) tags on
     * the loop thread itself: on this 2-core machine under other load, 2 threads cost 12-20% more CPU
     * per article for no higher rate (decision 33); more may pay where cores are idle.
     */
    @WithDefault("1")
    int taggingThreads();

    /** When the transaction that holds the enriched events, dead letters and consumed offsets is committed. */
    Transaction transaction();

    /**
     * Largest raw article record, in UTF-8 bytes of its JSON, that is enriched; a larger one is
     * dead-lettered as {@code oversized-article}. Real articles are well under 100 KB; a record near
     * the topics' 1 MB limit is an extraction gone wrong (a whole archive page), and its enriched
     * event, which carries the article, could not be written to the enriched topic at all.
     */
    @WithDefault("524288")
    int maxArticleBytes();

    /** How long an article stays a candidate for later copies of its story. */
    @WithDefault("72h")
    java.time.Duration clusterWindow();

    /** Estimated shingle similarity (0-1) at which two articles are copies of one story. */
    @WithDefault("0.5")
    double clusterThreshold();

    /**
     * A folder of topic rule files (the layout of docs/rules-format.md) used instead of the bundled
     * rules, and re-read when its files change; a broken change is refused and the last good rules
     * stay in use.
     */
    Optional<Path> rulesDir();

    /** How often the rules folder is checked for changes. */
    @WithDefault("30s")
    java.time.Duration rulesCheckInterval();

    /**
     * Limits of one transaction. A transaction is committed as soon as a poll finds no record already
     * fetched, so a quiet stream commits every few records at once; through a backlog it grows up to
     * these limits, which spreads the cost of a commit (offsets, commit markers, waiting for every
     * send) over more records. Records of an open transaction are not yet visible downstream, so
     * {@link #maxTime()} is also the latency a backlog may add.
     */
    interface Transaction {
        /** Raw records in one transaction at most. */
        @WithDefault("1000")
        int maxRecords();

        /** Bytes of raw records (keys and values as read) in one transaction at most: 8 MiB. */
        @WithDefault("8388608")
        long maxBytes();

        /** How long a transaction stays open at most while records keep coming. */
        @WithDefault("1s")
        java.time.Duration maxTime();
    }

    /** Kafka topics. */
    interface Topics {
        /** Input: raw articles. */
        String rawArticles();

        /** Output: enriched articles, keyed by story cluster id (so copies of a story share a partition). */
        String enrichedArticles();

        /** Raw records the enricher cannot process, with the reason. */
        String deadLetter();
    }
}
