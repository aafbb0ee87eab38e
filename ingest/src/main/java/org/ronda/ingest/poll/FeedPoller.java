package org.ronda.ingest.poll;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.RawArticle;
import org.ronda.ingest.config.IngestConfig;
import org.ronda.ingest.dedup.SeenArticles;
import org.ronda.ingest.extract.ArticleExtractor;
import org.ronda.ingest.extract.ExtractedArticle;
import org.ronda.ingest.extract.ExtractionException;
import org.ronda.ingest.feed.FeedItem;
import org.ronda.ingest.feed.FeedParseException;
import org.ronda.ingest.feed.FeedReader;
import org.ronda.ingest.fetch.FetchException;
import org.ronda.ingest.fetch.FetchResult;
import org.ronda.ingest.fetch.FetchedPage;
import org.ronda.ingest.fetch.PageFetcher;
import org.ronda.ingest.publish.ArticlePublisher;
import org.ronda.ingest.publish.PublishException;
import org.ronda.ingest.source.Source;
import org.ronda.ingest.source.SourceCatalog;

/**
 * Polls every feed of the source list, turns each new item into a raw article and publishes it.
 * A failing feed or page is an error for that feed or page only; the others go on.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final SourceCatalog catalog;
    private final PageFetcher fetcher;
    private final FeedReader feedReader = new FeedReader();
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ArticlePublisher publisher;
    private final SeenArticles seen;
    private final MeterRegistry metrics;
    private final IngestConfig config;
    private final ExecutorService pageFetchers;
    private final Clock clock = Clock.systemUTC();

    FeedPoller(SourceCatalog catalog, PageFetcher fetcher, ArticlePublisher publisher, SeenArticles seen, MeterRegistry metrics,
            IngestConfig config) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.seen = seen;
        this.metrics = metrics;
        this.config = config;
        this.fetcher = fetcher;
        this.pageFetchers = Executors.newFixedThreadPool(config.fetchThreads());
    }

    @Scheduled(every = "${ronda.ingest.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        if (config.schedulerEnabled()) {
            pollAll();
        }
    }

    /** Polls every feed once and waits until each new item has an outcome. */
    public synchronized PollReport pollAll() {
        int feedsPolled = 0;
        List<String> feedErrors = new ArrayList<>();
        Map<ItemOutcome, Integer> outcomes = new EnumMap<>(ItemOutcome.class);
        for (Source source : catalog.sources()) {
            for (URI feedUrl : source.feeds()) {
                try {
                    List<ItemOutcome> itemOutcomes = pollFeed(source, feedUrl);
                    feedsPolled++;
                    count("ronda_ingest_feeds", "ok");
                    itemOutcomes.forEach(o -> outcomes.merge(o, 1, Integer::sum));
                } catch (FetchException | FeedParseException e) {
                    count("ronda_ingest_feeds", e instanceof FetchException ? "fetch-failed" : "parse-failed");
                    String message = source.id() + " " + feedUrl + ": " + e.getMessage();
                    feedErrors.add(message);
                    LOG.warnf("feed failed: %s", message);
                }
            }
        }
        LOG.infof("poll done: %d feeds, %d feed errors, items %s", feedsPolled, feedErrors.size(), outcomes);
        return new PollReport(feedsPolled, List.copyOf(feedErrors), Map.copyOf(outcomes));
    }

    private List<ItemOutcome> pollFeed(Source source, URI feedUrl) throws FetchException, FeedParseException {
        FetchResult result = fetcher.fetchIfModified(feedUrl);
        if (!(result instanceof FetchedPage feed)) {
            count("ronda_ingest_feeds", "not-modified");
            return List.of();
        }
        List<FeedItem> items = feedReader.read(feed.body(), feed.contentType(), feed.finalUrl());
        List<Future<ItemOutcome>> pending = new ArrayList<>();
        Set<String> idsThisPoll = new HashSet<>();
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (FeedItem item : items) {
            String articleId;
            try {
                articleId = ArticleIds.of(item.link());
            } catch (IllegalArgumentException e) {
                outcomes.add(record(deadLetter(source, feedUrl, item.link(), null, "bad-link", e.getMessage())));
                continue;
            }
            if (!idsThisPoll.add(articleId) || seen.contains(articleId)) {
                outcomes.add(record(ItemOutcome.DUPLICATE));
                continue;
            }
            pending.add(pageFetchers.submit(() -> record(ingestItem(source, feedUrl, item, articleId))));
        }
        for (Future<ItemOutcome> future : pending) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "item processing failed in feed %s", feedUrl);
                outcomes.add(record(ItemOutcome.RETRY_LATER));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return outcomes;
    }

    private ItemOutcome ingestItem(Source source, URI feedUrl, FeedItem item, String articleId) {
        URI pageUrl = URI.create(item.link());
        try {
            FetchedPage page = fetcher.fetch(pageUrl);
            ExtractedArticle extracted = extractor.extract(page.text(), page.finalUrl());
            String text = extracted.text().isBlank() && item.summary() != null ? item.summary() : extracted.text();
            Instant now = clock.instant();
            RawArticle raw = new RawArticle(
                    RawArticle.SCHEMA_VERSION,
                    UUID.randomUUID().toString(),
                    articleId,
                    now,
                    articleUrl(extracted, item),
                    feedUrl.toString(),
                    source.ref(),
                    extracted.title(),
                    text,
                    extracted.author(),
                    extracted.published() != null ? extracted.published() : item.published(),
                    extracted.language() != null ? extracted.language() : source.language(),
                    now,
                    extracted.canonicalUrl(),
                    null,
                    null,
                    false,
                    item.guid());
            publisher.publish(raw);
            seen.add(articleId, item.link());
            return ItemOutcome.PUBLISHED;
        } catch (FetchException e) {
            if (e.temporary()) {
                LOG.warnf("page fetch failed, retried next poll: %s", e.getMessage());
                return ItemOutcome.RETRY_LATER;
            }
            return deadLetter(source, feedUrl, item.link(), articleId, "page-fetch-failed", e.getMessage());
        } catch (ExtractionException e) {
            return deadLetter(source, feedUrl, item.link(), articleId, "extraction-failed", e.getMessage());
        } catch (PublishException e) {
            LOG.warnf("publish failed, retried next poll: %s", e.getMessage());
            return ItemOutcome.RETRY_LATER;
        }
    }

    /** The article's URL: its canonical URL when the page names one on the same host, else the feed link. */
    private static String articleUrl(ExtractedArticle extracted, FeedItem item) {
        String canonical = extracted.canonicalUrl();
        if (canonical != null) {
            try {
                URI c = URI.create(canonical);
                if (c.getHost() != null && c.getHost().equalsIgnoreCase(URI.create(item.link()).getHost())) {
                    return canonical;
                }
            } catch (IllegalArgumentException e) {
                // A malformed canonical link is ignored; the feed link is always usable.
            }
        }
        return item.link();
    }

    private ItemOutcome deadLetter(Source source, URI feedUrl, String url, String articleId, String reason, String detail) {
        DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, "ingest", reason,
                source.id() + " via " + feedUrl + ": " + detail, articleId, url, null, null, null, null, clock.instant());
        try {
            publisher.deadLetter(letter);
            if (articleId != null) {
                seen.add(articleId, url);
            }
            LOG.warnf("dead-lettered %s (%s): %s", url, reason, detail);
            return ItemOutcome.DEAD_LETTERED;
        } catch (PublishException e) {
            LOG.warnf("dead letter could not be written, retried next poll: %s", e.getMessage());
            return ItemOutcome.RETRY_LATER;
        }
    }

    private ItemOutcome record(ItemOutcome outcome) {
        count("ronda_ingest_items", outcome.label());
        return outcome;
    }

    private void count(String name, String outcome) {
        metrics.counter(name, "stage", "ingest", "outcome", outcome).increment();
    }

    @PreDestroy
    void stop() {
        pageFetchers.shutdownNow();
    }
}
