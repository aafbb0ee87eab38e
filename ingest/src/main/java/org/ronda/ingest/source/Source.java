package org.ronda.ingest.source;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ronda.contracts.SourceRef;

/**
 * One entry of the source list: an outlet and the addresses it is read through.
 *
 * @param language  the outlet's primary language (BCP 47): the article language when the page names none
 * @param kind      {@code media} or {@code official}
 * @param feeds     RSS or Atom feeds to poll; may be empty when the source has sitemaps or a homepage
 * @param languages every language the outlet publishes in, the primary one first
 * @param sitemaps  news sitemaps, plain sitemaps or sitemap index files to poll
 * @param homepage  the outlet's front page, for feed discovery, or null
 * @param line      the line of the source list it came from, for messages
 */
public record Source(String id, String outlet, String country, String language, String kind, List<URI> feeds,
        List<String> languages, List<URI> sitemaps, URI homepage, int line) {

    public Source {
        feeds = List.copyOf(feeds);
        sitemaps = List.copyOf(sitemaps);
        List<String> all = new ArrayList<>();
        all.add(language);
        languages.stream().filter(l -> !all.contains(l)).forEach(all::add);
        languages = List.copyOf(all);
        if (feeds.isEmpty() && sitemaps.isEmpty() && homepage == null) {
            throw new IllegalArgumentException("source " + id + " has no feed, sitemap or homepage");
        }
    }

    /** A source read through feeds only, as in the six-column format. */
    public Source(String id, String outlet, String country, String language, String kind, List<URI> feeds, int line) {
        this(id, outlet, country, language, kind, feeds, List.of(), List.of(), null, line);
    }

    /** The source as named in events. */
    public SourceRef ref() {
        return new SourceRef(id, outlet, country, language, kind);
    }

    /** True for police, immigration, anti-drug and similar agencies; false for news media. */
    public boolean official() {
        return "official".equals(kind);
    }

    /** The front page, when the list names one. */
    public Optional<URI> homepageUrl() {
        return Optional.ofNullable(homepage);
    }

    /**
     * True when the source lists no feed and no sitemap: its feeds are found by reading the
     * homepage's {@code <link rel="alternate">} elements.
     */
    public boolean needsDiscovery() {
        return feeds.isEmpty() && sitemaps.isEmpty();
    }
}
