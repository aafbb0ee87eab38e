package org.ronda.ingest.fetch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ETag and Last-Modified last seen per URL, for conditional GETs; in memory, least recently used
 * entries dropped beyond the capacity. Losing an entry (eviction, restart) costs one full fetch.
 */
final class ValidatorCache {

    /** What a server said identifies the version we hold; either may be null, not both. */
    record Validators(String etag, String lastModified) {}

    private final Map<String, Validators> entries;

    ValidatorCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Validators> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Validators> get(String url) {
        return Optional.ofNullable(entries.get(url));
    }

    /** Remembers the validators of a response, or forgets the URL's when it sent none. */
    synchronized void put(String url, String etag, String lastModified) {
        if (etag == null && lastModified == null) {
            entries.remove(url);
        } else {
            entries.put(url, new Validators(etag, lastModified));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
