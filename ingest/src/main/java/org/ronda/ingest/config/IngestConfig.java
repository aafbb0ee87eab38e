package org.ronda.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Every setting of the ingest service, under {@code ronda.ingest}. */
@ConfigMapping(prefix = "ronda.ingest")
public interface IngestConfig {

    /** The source list: a TSV file of outlets and their feeds (see docs/architecture.md). */
    Path sourcesFile();

    /** How often every feed is polled. */
    @WithDefault("5m")
    Duration pollInterval();

    /** Whether the scheduler polls by itself; when false, polls happen through {@code POST /ingest/poll} only. */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** Kafka topics the service writes to. */
    Topics topics();

    /** HTTP fetching of feeds and pages. */
    Fetch fetch();

    /** Number of article pages fetched at once across all feeds. */
    @WithDefault("4")
    int fetchThreads();

    /** Topic names; names live in configuration only. */
    interface Topics {
        /** Raw articles, keyed by article id. */
        String rawArticles();

        /** Compacted record of every article id already published, so restarts do not republish. */
        String seenArticles();

        /** Items that could not be turned into a raw article, with the reason. */
        String deadLetter();
    }

    /** Fetch limits. */
    interface Fetch {
        /** User-Agent sent with every request; names the operator so that outlets can reach them. */
        @WithDefault("RondaBot/0.1 (+https://github.com/ronda-news; contact: ops@ronda.invalid)")
        String userAgent();

        /** Connect and read timeout of one request. */
        @WithDefault("15s")
        Duration timeout();

        /** Largest response body accepted, in bytes; larger bodies fail the fetch. */
        @WithDefault("5242880")
        int maxBodyBytes();
    }
}
