package org.ronda.ingest.poll;

import java.util.Locale;

/** What happened to one feed item in one poll; each item gets exactly one. */
public enum ItemOutcome {
    /** Fetched, extracted and published as a raw article. */
    PUBLISHED,
    /** Already published or dead-lettered earlier. */
    DUPLICATE,
    /** Permanently unusable (page gone, no headline): dead-lettered with the reason. */
    DEAD_LETTERED,
    /** Failed for a reason that may pass (timeout, 5xx, Kafka slow): tried again at the next poll. */
    RETRY_LATER;

    /** The label used in metrics and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
