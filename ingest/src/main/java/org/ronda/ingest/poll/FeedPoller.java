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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.RawArticle;
import org.ronda.ingest.assign.HostOwnership;
import org.ronda.ingest.assign.PollAssignment;
import org.ronda.ingest.config.IngestConfig;
import org.ronda.ingest.dedup.SeenArticles;
import org.ronda.ingest.extract.ArticleExtractor;
import org.ronda.ingest.extract.ExtractedArticle;
import org.ronda.ingest.extract.ExtractionException;
import org.ronda.ingest.feed.FeedDiscoverer;
import org.ronda.ingest.feed.FeedItem;
import org.ronda.ingest.feed.FeedParseException;
import org.ronda.ingest.feed.FeedReader;
import org.ronda.ingest.feed.ParsedFeed;
import org.ronda.ingest.feed.Sitemap;
import org.ronda.ingest.feed.SitemapReader;
import org.ronda.ingest.fetch.FetchException;
import org.ronda.ingest.fetch.FetchResult;
import org.ronda.ingest.fetch.FetchedPage;
import org.ronda.ingest.fetch.PageFetcher;
import org.ronda.ingest.health.FailureClass;
import org.ronda.ingest.health.FeedHealthRegistry;
import org.ronda.ingest.publish.ArticlePublisher;
import org.ronda.ingest.publish.PublishException;
import org.ronda.ingest.source.Source;
import org.ronda.ingest.source.SourceCatalog;

/**
 * Polls the feeds and sitemaps of the source list (and the feeds discovered on the homepages of
 * sources that list neither), each on its own adaptive schedule, turns each new item into a raw
 * article and publishes it. A failing feed or page is an error for that feed or page only, recorded
 * in its health; the others go on.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    /** What a polled address is. */
    private enum Kind { FEED, SITEMAP }

    private record Target(Source source, URI url, Kind kind) {
    }

    private final SourceCatalog catalog;
    private final PageFetcher fetcher;
    private final FeedReader feedReader = new FeedReader();
    private final SitemapReader sitemapReader = new SitemapReader();
    private final FeedDiscoverer discoverer = new FeedDiscoverer();
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ArticlePublisher publisher;
    private final SeenArticles seen;
    private final FeedHealthRegistry health;
    private final PollSchedule schedule;
    private final MeterRegistry metrics;
    private final IngestConfig config;
    private final ExecutorService pageFetchers;
    private final HostOwnership ownership;
    private final Map<String, List<URI>> discovered = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    FeedPoller(SourceCatalog catalog, PageFetcher fetcher, ArticlePublisher publisher, SeenArticles seen,
            FeedHealthRegistry health, MeterRegistry metrics, IngestConfig config, PollAssignment assignment) {
        this.catalog = catalog;
        this.fetcher = fetcher;
        this.publisher = publisher;
        this.seen = seen;
        this.health = health;
        this.metrics = metrics;
        this.config = config;
        this.schedule = new PollSchedule(
                new PollSchedule.Settings(config.pollMinInterval(), config.pollMaxInterval(), 1.0, 0.1),
                health.policy(), health::health, clock);
        this.pageFetchers = Executors.newFixedThreadPool(config.fetchThreads());
        this.ownership = assignment.ownership();
    }

    @Scheduled(every = "${ronda.ingest.tick}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        if (config.schedulerEnabled()) {
            poll(false);
        }
    }

    /**
     * Polls every feed of the hosts this instance owns now (except those backed off after repeated
     * hard failures) and waits until each new item has an outcome. Right after start-up it first
     * waits for this instance's share of the hosts.
     */
    public PollReport pollAll() {
        try {
            if (!ownership.awaitAssigned(config.partitioning().firstAssignmentTimeout())) {
                LOG.warnf("no share of the hosts assigned after %s (ronda.ingest.partitioning.first-assignment-timeout): polling nothing",
                        config.partitioning().firstAssignmentTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PollReport(0, List.of(), Map.of());
        }
        return poll(true);
    }

    private synchronized PollReport poll(boolean everyFeed) {
        int feedsPolled = 0;
        List<String> feedErrors = new ArrayList<>();
        Map<ItemOutcome, Integer> outcomes = new EnumMap<>(ItemOutcome.class);
        for (Source source : catalog.sources()) {
            for (Target target : targets(source, feedErrors)) {
                if (!ownership.owns(target.url())) {
                    continue;
                }
                String url = target.url().toString();
                Instant now = clock.instant();
                health.track(url);
                if (!health.shouldPoll(url, now) || !everyFeed && !schedule.due(url, now)) {
                    continue;
                }
                Optional<HostOwnership.Lease> lease = ownership.lease(target.url(), now);
                if (lease.isEmpty()) {
                    continue;
                }
                try (HostOwnership.Lease held = lease.get()) {
                    List<ItemOutcome> itemOutcomes = pollTarget(target, held);
                    feedsPolled++;
                    itemOutcomes.forEach(o -> outcomes.merge(o, 1, Integer::sum));
                } catch (FetchException e) {
                    health.recordFailure(url, FailureClass.ofFetch(e.reason(), e.status(), e.temporary()), e.reason(), clock.instant());
                    feedErrors.add(source.id() + " " + url + ": " + e.getMessage());
                    LOG.warnf("feed failed: %s %s: %s", source.id(), url, e.getMessage());
                } catch (FeedParseException e) {
                    health.recordFailure(url, FailureClass.SOFT, e.reason().label(), clock.instant());
                    feedErrors.add(source.id() + " " + url + ": " + e.reason().label() + ": " + e.getMessage());
                    LOG.warnf("feed unreadable: %s %s: %s", source.id(), url, e.getMessage());
                }
            }
        }
        if (feedsPolled > 0 || !feedErrors.isEmpty()) {
            LOG.infof("poll done: %d feeds, %d feed errors, items %s", feedsPolled, feedErrors.size(), outcomes);
        }
        return new PollReport(feedsPolled, List.copyOf(feedErrors), Map.copyOf(outcomes));
    }

    /** The addresses polled for {@code source}: its feeds and sitemaps, or the feeds found on its homepage. */
    private List<Target> targets(Source source, List<String> errors) {
        List<Target> targets = new ArrayList<>();
        source.feeds().forEach(u -> targets.add(new Target(source, u, Kind.FEED)));
        source.sitemaps().forEach(u -> targets.add(new Target(source, u, Kind.SITEMAP)));
        if (source.needsDiscovery()) {
            discover(source, errors).forEach(u -> targets.add(new Target(source, u, Kind.FEED)));
        }
        return targets;
    }

    private List<URI> discover(Source source, List<String> errors) {
        List<URI> known = discovered.get(source.id());
        if (known != null && !known.isEmpty()) {
            return known;
        }
        URI home = source.homepageUrl().orElseThrow();
        if (!ownership.owns(home)) {
            return List.of();
        }
        String url = home.toString();
        Instant now = clock.instant();
        health.track(url);
        if (!health.shouldPoll(url, now) || known != null && !schedule.due(url, now)) {
            return List.of();
        }
        Optional<HostOwnership.Lease> lease = ownership.lease(home, now);
        if (lease.isEmpty()) {
            return List.of();
        }
        try (HostOwnership.Lease held = lease.get()) {
            FetchedPage page = fetcher.fetch(home);
            List<URI> feeds = discoverer.discover(page.body(), page.contentType(), page.finalUrl());
            discovered.put(source.id(), feeds);
            if (feeds.isEmpty()) {
                health.recordFailure(url, FailureClass.SOFT, "no feed link on the homepage", now);
                errors.add(source.id() + " " + url + ": no feed link on the homepage");
            } else {
                health.recordSuccess(url, 0, null, now);
            }
            return feeds;
        } catch (FetchException e) {
            discovered.put(source.id(), List.of());
            health.recordFailure(url, FailureClass.ofFetch(e.reason(), e.status(), e.temporary()), e.reason(), now);
            errors.add(source.id() + " " + url + ": " + e.getMessage());
            return List.of();
        }
    }

    private List<ItemOutcome> pollTarget(Target target, HostOwnership.Lease lease) throws FetchException, FeedParseException {
        String url = target.url().toString();
        FetchResult result = fetcher.fetchIfModified(target.url());
        if (!(result instanceof FetchedPage document)) {
            count("ronda_ingest_feeds", "not-modified");
            health.recordSuccess(url, 0, null, clock.instant());
            return List.of();
        }
        List<FeedItem> items = target.kind() == Kind.FEED ? feedItems(document) : sitemapItems(document);
        if (items.isEmpty()) {
            count("ronda_ingest_feeds", "empty");
            health.recordFailure(url, FailureClass.SOFT, "empty feed", clock.instant());
            return List.of();
        }
        List<ItemOutcome> outcomes = processItems(target, items, lease);
        Instant newest = items.stream().map(FeedItem::published).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
        int published = (int) outcomes.stream().filter(o -> o == ItemOutcome.PUBLISHED).count();
        health.recordSuccess(url, published, newest, clock.instant());
        count("ronda_ingest_feeds", "ok");
        return outcomes;
    }

    private List<FeedItem> feedItems(FetchedPage document) throws FeedParseException {
        ParsedFeed feed = feedReader.parse(document.body(), document.contentType(), document.finalUrl());
        return feed.items();
    }

    private List<FeedItem> sitemapItems(FetchedPage document) throws FeedParseException, FetchException {
        Instant since = clock.instant().minus(config.sitemapLookback());
        Sitemap sitemap = sitemapReader.read(document.body(), document.contentType(), document.finalUrl());
        if (!sitemap.index()) {
            return sitemap.itemsSince(since);
        }
        List<FeedItem> items = new ArrayList<>();
        List<URI> children = sitemap.childUrls();
        for (URI child : children.subList(0, Math.min(config.maxChildSitemaps(), children.size()))) {
            FetchedPage page = fetcher.fetch(child);
            items.addAll(sitemapReader.read(page.body(), page.contentType(), page.finalUrl()).itemsSince(since));
        }
        return items;
    }

    private List<ItemOutcome> processItems(Target target, List<FeedItem> items, HostOwnership.Lease lease) {
        List<Future<ItemOutcome>> pending = new ArrayList<>();
        Set<String> idsThisPoll = new HashSet<>();
        List<ItemOutcome> outcomes = new ArrayList<>();
        Source source = target.source();
        for (FeedItem item : items) {
            // Counted before any outcome, so discovered = sum of ronda_ingest_items_total over outcomes.
            metrics.counter("ronda_ingest_items_discovered", "stage", "ingest").increment();
            if (!lease.held()) {
                // The host went to another instance: it will find this item unseen and take it.
                outcomes.add(record(ItemOutcome.RETRY_LATER));
                continue;
            }
            String articleId;
            try {
                articleId = ArticleIds.of(item.link());
            } catch (IllegalArgumentException e) {
                outcomes.add(record(deadLetter(source, target.url(), item.link(), null, null, "bad-link", e.getMessage())));
                continue;
            }
            String guidKey = guidKey(source, item);
            if (!idsThisPoll.add(articleId) || seen.contains(articleId) || guidKey != null && seen.contains(guidKey)) {
                outcomes.add(record(ItemOutcome.DUPLICATE));
                continue;
            }
            pending.add(pageFetchers.submit(() -> record(lease.held()
                    ? ingestItem(source, target.url(), item, articleId, guidKey) : ItemOutcome.RETRY_LATER)));
        }
        for (Future<ItemOutcome> future : pending) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "item processing failed in feed %s", target.url());
                outcomes.add(record(ItemOutcome.RETRY_LATER));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return outcomes;
    }

    private ItemOutcome ingestItem(Source source, URI feedUrl, FeedItem item, String linkId, String guidKey) {
        URI pageUrl = URI.create(item.link());
        try {
            FetchedPage page = fetcher.fetch(pageUrl);
            metrics.counter("ronda_ingest_pages_fetched", "stage", "ingest").increment();
            ExtractedArticle extracted = extractor.extract(page.text(), page.finalUrl());
            String canonical = sameHostCanonical(extracted, item);
            // The canonical URL names the article across feeds, redirects and share links.
            String articleId = canonical != null ? ArticleIds.of(canonical) : linkId;
            if (!articleId.equals(linkId) && seen.contains(articleId)) {
                markSeen(linkId, guidKey, item.link());
                return ItemOutcome.DUPLICATE;
            }
            boolean partial = extracted.partial() || extracted.text().isBlank();
            String text = partial && item.summary() != null && item.summary().length() > extracted.text().length()
                    ? item.summary() : extracted.text();
            Instant now = clock.instant();
            RawArticle raw = new RawArticle(
                    RawArticle.SCHEMA_VERSION,
                    UUID.randomUUID().toString(),
                    articleId,
                    now,
                    canonical != null ? canonical : item.link(),
                    feedUrl.toString(),
                    source.ref(),
                    extracted.title(),
                    text,
                    extracted.author(),
                    extracted.published() != null ? extracted.published() : item.published(),
                    extracted.language() != null ? extracted.language() : source.language(),
                    now,
                    extracted.canonicalUrl(),
                    extracted.updated(),
                    extracted.leadImage(),
                    partial,
                    item.guid());
            publisher.publish(raw);
            seen.add(articleId, raw.url());
            markSeen(linkId, guidKey, item.link());
            return ItemOutcome.PUBLISHED;
        } catch (FetchException e) {
            if (e.temporary()) {
                LOG.warnf("page fetch failed, retried next poll: %s", e.getMessage());
                return ItemOutcome.RETRY_LATER;
            }
            return deadLetter(source, feedUrl, item.link(), linkId, guidKey, "page-" + e.reason(), e.getMessage());
        } catch (ExtractionException e) {
            return deadLetter(source, feedUrl, item.link(), linkId, guidKey, "extraction-failed", e.getMessage());
        } catch (PublishException e) {
            LOG.warnf("publish failed, retried next poll: %s", e.getMessage());
            return ItemOutcome.RETRY_LATER;
        }
    }

    /** Records the feed link's id and the item's GUID as done, so either alone finds the article again. */
    private void markSeen(String linkId, String guidKey, String link) throws PublishException {
        if (!seen.contains(linkId)) {
            seen.add(linkId, link);
        }
        if (guidKey != null && !seen.contains(guidKey)) {
            seen.add(guidKey, link);
        }
    }

    /** A GUID identifies an item within its source only; permalink GUIDs are URLs and add nothing to the link. */
    private static String guidKey(Source source, FeedItem item) {
        String guid = item.guid();
        if (guid == null || guid.isBlank() || guid.equals(item.link())) {
            return null;
        }
        return "guid:" + source.id() + ":" + guid.strip();
    }

    /** The page's canonical URL when it is on the same site as the feed link, else null. */
    private static String sameHostCanonical(ExtractedArticle extracted, FeedItem item) {
        String canonical = extracted.canonicalUrl();
        if (canonical == null) {
            return null;
        }
        try {
            URI c = URI.create(canonical);
            String host = URI.create(item.link()).getHost();
            if (c.getHost() != null && host != null && registrable(c.getHost()).equals(registrable(host))) {
                ArticleIds.of(canonical);
                return canonical;
            }
        } catch (IllegalArgumentException e) {
            // A malformed canonical link is ignored; the feed link is always usable.
        }
        return null;
    }

    private static String registrable(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        for (String prefix : List.of("www.", "m.", "mobile.", "amp.")) {
            if (h.startsWith(prefix)) {
                return h.substring(prefix.length());
            }
        }
        return h;
    }

    private ItemOutcome deadLetter(Source source, URI feedUrl, String url, String articleId, String guidKey, String reason, String detail) {
        DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, "ingest", reason,
                source.id() + " via " + feedUrl + ": " + detail, articleId, url, null, null, null, null, clock.instant());
        try {
            publisher.deadLetter(letter);
            if (articleId != null) {
                markSeen(articleId, guidKey, url);
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
