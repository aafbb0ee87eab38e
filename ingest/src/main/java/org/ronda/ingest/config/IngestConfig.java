package org.ronda.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.ronda.ingest.assign.HostOwnership;

/** Every setting of the ingest service, under {@code ronda.ingest}. */
@ConfigMapping(prefix = "ronda.ingest")
public interface IngestConfig {

    /** The source list: a TSV file of outlets and their feeds (see docs/architecture.md). */
    Path sourcesFile();

    /** How often the scheduler looks for feeds that are due; each feed has its own adaptive interval. */
    @WithDefault("30s")
    Duration tick();

    /** Shortest interval between two polls of one feed, however busy it is. */
    @WithDefault("5m")
    Duration pollMinInterval();

    /** Longest interval between two polls of one feed, however quiet it is. */
    @WithDefault("6h")
    Duration pollMaxInterval();

    /** How far back a plain sitemap's entries are taken as new articles (sitemaps list whole sites). */
    @WithDefault("48h")
    Duration sitemapLookback();

    /** Child sitemaps of a sitemap index fetched per poll, newest first. */
    @WithDefault("3")
    int maxChildSitemaps();

    /** Whether the scheduler polls by itself; when false, polls happen through {@code POST /ingest/poll} only. */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** Kafka topics the service writes to. */
    Topics topics();

    /** HTTP fetching of feeds and pages. */
    Fetch fetch();

    /** How the hosts to poll are shared between ingest instances (docs/scaling.md). */
    Partitioning partitioning();

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

        /**
         * Poll tasks: hosts are spread over its partitions, and the consumer group of the ingest
         * instances gives each partition, so each host, to one instance at a time.
         */
        String pollTasks();
    }

    /** Sharing the hosts between instances through the poll-task topic's consumer group. */
    interface Partitioning {
        /**
         * Consumer group of the instances that share the hosts. Instances that share a seen topic are
         * one deployment, so the default is derived from the seen topic's name.
         */
        String groupId();

        /** Partitions the poll-task topic is created with: the most instances that can poll at once. */
        @WithDefault("12")
        int partitions();

        /**
         * What one instance owns: {@code host} (the default; the fetcher's throttle is per host too)
         * or {@code host-port}, for test setups that run each outlet as a separate server on one address.
         */
        @WithDefault("host")
        HostOwnership.KeyKind key();

        /**
         * Longest wait, when hosts are taken away from this instance, for its polls of them to end
         * before they are handed over; longer polls are abandoned (their items are picked up again
         * by the next owner, as nothing of them was marked seen).
         */
        @WithDefault("60s")
        Duration handOverTimeout();

        /** How long {@code POST /ingest/poll} waits for this instance's first share of the hosts. */
        @WithDefault("60s")
        Duration firstAssignmentTimeout();
    }

    /** Fetch limits. */
    interface Fetch {
        /** User-Agent sent with every request; names the operator so that outlets can reach them. */
        @WithDefault("RondaBot/0.1 (+https://github.com/ronda-news; contact: ops@ronda.invalid)")
        String userAgent();

        /** Connect and read timeout of one request. */
        @WithDefault("15s")
        Duration timeout();

        /** Largest response body accepted, in bytes, after decompression; larger bodies fail the fetch. */
        @WithDefault("5242880")
        long maxBodyBytes();

        /** Redirects followed before a fetch fails with too-many-redirects. */
        @WithDefault("5")
        int maxRedirects();

        /** Requests in flight to one host at most. */
        @WithDefault("2")
        int maxConcurrentPerHost();

        /** Shortest time between two requests to one host (a larger robots.txt Crawl-delay wins). */
        @WithDefault("1s")
        Duration minIntervalPerHost();

        /** Retries of a transient failure (timeout, 429, 5xx), with exponential backoff and jitter. */
        @WithDefault("2")
        int maxRetries();

        /**
         * Hosts or CIDR ranges fetched although they are loopback, private, link-local or metadata
         * addresses, which are refused otherwise (SSRF guard). The demo and tests allow 127.0.0.1/32.
         */
        Optional<Set<String>> allowPrivateAddresses();
    }
}
