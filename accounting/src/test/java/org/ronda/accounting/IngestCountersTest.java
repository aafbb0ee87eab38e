package org.ronda.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading ingest's counters from a Prometheus exposition as Quarkus prints it. Real: everything; no engine. */
class IngestCountersTest {

    private static final String METRICS = """
            # HELP ronda_ingest_items_total
            # TYPE ronda_ingest_items_total counter
            ronda_ingest_items_total{outcome="published",stage="ingest"} 12.0
            ronda_ingest_items_total{outcome="duplicate",stage="ingest"} 30.0
            ronda_ingest_items_total{outcome="dead-lettered",stage="ingest"} 2.0
            ronda_ingest_items_total{outcome="retry-later",stage="ingest"} 1.0
            # TYPE ronda_ingest_items_discovered_total counter
            ronda_ingest_items_discovered_total{stage="ingest"} 45.0
            ronda_ingest_pages_fetched_total{stage="ingest"} 14.0 1764331200000
            ronda_ingest_feeds_total{outcome="ok",stage="ingest"} 9.0
            """;

    @Test
    void outcomesAddUpToDiscovered() {
        IngestCounters c = IngestCounters.parse("http://127.0.0.1:8081/q/metrics", METRICS);
        assertThat(c.discovered()).isEqualTo(45);
        assertThat(c.fetched()).isEqualTo(14);
        assertThat(c.outcomes()).containsEntry("published", 12L).containsEntry("duplicate", 30L).hasSize(4);
        assertThat(c.balanced()).isTrue();
    }

    @Test
    void aMissingOutcomeShowsAsUnbalanced() {
        IngestCounters c = IngestCounters.parse("m", METRICS.replace("ronda_ingest_items_total{outcome=\"retry-later\",stage=\"ingest\"} 1.0\n", ""));
        assertThat(c.balanced()).isFalse();
    }

    @Test
    void anIngestWithoutTheDiscoveredCounterIsNotCalledBalanced() {
        IngestCounters c = IngestCounters.parse("m", "ronda_ingest_items_total{outcome=\"published\",stage=\"ingest\"} 0.0\n");
        assertThat(c.balanced()).isFalse();
    }
}
