package org.ronda.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings of the search service, under {@code ronda.search}. */
@ConfigMapping(prefix = "ronda.search")
public interface SearchConfig {

    /** The read alias over the article indices (the one the index service writes behind). */
    @WithDefault("ronda-articles")
    String alias();

    /** Results per page when the request does not say. */
    @WithDefault("20")
    int defaultPageSize();

    /** The largest page a request may ask for; a larger {@code size} is refused with 400. */
    @WithDefault("100")
    int maxPageSize();

    /**
     * How long a paging cursor stays usable after each page: the point in time it holds is kept
     * this long by Elasticsearch.
     */
    @WithDefault("5m")
    Duration cursorKeepAlive();

    /** Buckets per terms facet. */
    @WithDefault("20")
    int facetSize();

    /** Rows an export reads from Elasticsearch per request; memory use of an export grows with it, not with the rows. */
    @WithDefault("1000")
    int exportPageSize();

    /** Outlets a coverage view lists at most, those with the most articles first. */
    @WithDefault("500")
    int coverageMaxOutlets();

    /** The longest period a coverage view may span; a longer one is refused with 400. */
    @WithDefault("400")
    int coverageMaxDays();

    /**
     * Where users reach the alerts service's page (a different service and port); the search page's
     * header links to it through {@code GET /api/links}.
     */
    @WithDefault("http://127.0.0.1:8085/")
    String alertsUrl();

    /** Stage accounting behind {@code /api/reconcile}. */
    Reconcile reconcile();

    /** Where the stages write, for {@code /api/reconcile}; the Kafka cluster is {@code ronda.kafka.bootstrap-servers}. */
    interface Reconcile {

        /** Raw articles, ingest's output. */
        @WithDefault("ronda.articles.raw")
        String rawTopic();

        /** Enriched articles, enrich's output. */
        @WithDefault("ronda.articles.enriched")
        String enrichedTopic();

        /** Ingest's dead letters. */
        @WithDefault("ronda.ingest.dead-letter")
        String ingestDeadLetterTopic();

        /** Enrich's dead letters. */
        @WithDefault("ronda.enrich.dead-letter")
        String enrichDeadLetterTopic();

        /** The index service's dead letters. */
        @WithDefault("ronda.index.dead-letter")
        String indexDeadLetterTopic();

        /** Alerts ({@code ronda.alerts}), counted per article when set: the "alerted" outcome. */
        Optional<String> alertsTopic();

        /** Ingest's Prometheus endpoint ({@code http://host:8081/q/metrics}); its item counters join the report when set. */
        Optional<URI> ingestMetrics();

        /** Unaccounted article ids a report lists at most per stage (the counts are always complete). */
        @WithDefault("1000")
        int maxListedIds();

        /** The longest window a request may ask for: a report reads every topic from the window's start. */
        @WithDefault("31d")
        Duration maxWindow();
    }
}
