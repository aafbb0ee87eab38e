package org.ronda.ingest.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Set;
import org.ronda.ingest.fetch.FetchPolicy;
import org.ronda.ingest.fetch.PageFetcher;

/** The one fetcher of the service: its per-host throttle, robots.txt and validator caches only work shared. */
class FetcherBeans {

    @Produces
    @ApplicationScoped
    PageFetcher pageFetcher(IngestConfig config) {
        IngestConfig.Fetch f = config.fetch();
        FetchPolicy policy = FetchPolicy.builder(f.userAgent())
                .connectTimeout(f.timeout())
                .readTimeout(f.timeout())
                .maxBodyBytes(f.maxBodyBytes())
                .maxRedirects(f.maxRedirects())
                .maxConcurrentPerHost(f.maxConcurrentPerHost())
                .minIntervalPerHost(f.minIntervalPerHost())
                .maxRetries(f.maxRetries())
                .allowPrivateAddresses(f.allowPrivateAddresses().orElse(Set.of()))
                .build();
        return new PageFetcher(policy);
    }
}
