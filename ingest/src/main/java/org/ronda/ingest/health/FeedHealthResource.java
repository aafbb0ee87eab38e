package org.ronda.ingest.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ronda.ingest.source.Source;
import org.ronda.ingest.source.SourceCatalog;

/**
 * Operator endpoints for feed health: every feed with its state, and the feeds with a coverage gap.
 * Feeds of the source list that have not been polled yet are listed as {@code NEW}.
 */
@Path("/ingest")
@Produces(MediaType.APPLICATION_JSON)
public class FeedHealthResource {

    private final FeedHealthRegistry registry;
    private final SourceCatalog catalog;

    FeedHealthResource(FeedHealthRegistry registry, SourceCatalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    /** Every feed and sitemap of the source list, and every other address polled (discovered feeds, child sitemaps), by URL. */
    @GET
    @Path("/feeds")
    public List<FeedStatus> feeds() {
        Instant now = registry.clock().instant();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (Source source : catalog.sources()) {
            List<URI> addresses = new ArrayList<>(source.feeds());
            addresses.addAll(source.sitemaps());
            addresses.forEach(a -> sourceOf.putIfAbsent(a.toString(), source.id()));
        }
        Map<String, FeedStatus> statuses = new LinkedHashMap<>();
        for (FeedHealth health : registry.feeds()) {
            statuses.put(health.feed(), FeedStatus.of(health, sourceOf.get(health.feed()), now, registry.policy()));
        }
        sourceOf.forEach((feed, source) -> statuses.computeIfAbsent(feed,
                f -> FeedStatus.of(FeedHealth.unknown(f), source, now, registry.policy())));
        return statuses.values().stream().sorted(Comparator.comparing(FeedStatus::feed)).toList();
    }

    /** The feeds whose newest item is much older than their usual pace allows, longest gap first. */
    @GET
    @Path("/gaps")
    public List<CoverageGap> gaps() {
        return registry.gaps();
    }
}
