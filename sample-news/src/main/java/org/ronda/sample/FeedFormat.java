package org.ronda.sample;

import java.util.Optional;

/** The syndication format an outlet publishes, with the path and media type the sample server uses for it. */
public enum FeedFormat {
    /** RSS 2.0, served as {@code /<outlet-id>/feed.xml}. */
    RSS("rss", "feed.xml", "application/rss+xml"),
    /** Atom 1.0 (RFC 4287), served as {@code /<outlet-id>/atom.xml}. */
    ATOM("atom", "atom.xml", "application/atom+xml");

    private final String id;
    private final String fileName;
    private final String mediaType;

    FeedFormat(String id, String fileName, String mediaType) {
        this.id = id;
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    /** The value of {@code feedFormat} in {@code outlets.json}. */
    public String id() {
        return id;
    }

    /** The last path segment of the feed URL. */
    public String fileName() {
        return fileName;
    }

    /** The media type without parameters, as in a {@code <link rel="alternate" type=...>}. */
    public String mediaType() {
        return mediaType;
    }

    /** The format whose {@link #id()} is {@code id}, or empty for an unknown value. */
    public static Optional<FeedFormat> fromId(String id) {
        for (FeedFormat format : values()) {
            if (format.id.equals(id)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
