package org.ronda.ingest.source;

import java.net.URI;
import java.util.List;
import org.ronda.contracts.SourceRef;

/**
 * One entry of the source list: an outlet and the feeds it is polled through.
 *
 * @param line the line of the source list it came from, for messages
 */
public record Source(String id, String outlet, String country, String language, String kind, List<URI> feeds, int line) {

    public Source {
        feeds = List.copyOf(feeds);
    }

    /** The source as named in events. */
    public SourceRef ref() {
        return new SourceRef(id, outlet, country, language, kind);
    }
}
