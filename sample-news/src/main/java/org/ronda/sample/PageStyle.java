package org.ronda.sample;

import java.util.Optional;

/**
 * The page template family of an outlet. Each family has its own markup, class names and
 * placement of boilerplate, so that an extractor tested on the sample meets more than one layout.
 */
public enum PageStyle {
    /** A news portal: {@code <article>}, body in {@code div.article-body}, JSON-LD. */
    PORTAL("portal"),
    /** A quality paper: {@code <article class="story">}, standfirst, body in {@code div.story__body}, JSON-LD. */
    BROADSHEET("broadsheet"),
    /** A popular paper: no {@code <article>}, body in {@code div.td-post-content}, much clutter, no JSON-LD. */
    TABLOID("tabloid"),
    /** A news agency: no {@code <article>}, body in {@code div.story-body}, JSON-LD. */
    WIRE("wire"),
    /** A blog engine theme: {@code <article class="post">}, body in {@code div.entry-content}, no JSON-LD. */
    BLOG("blog");

    private final String id;

    PageStyle(String id) {
        this.id = id;
    }

    /** The value of {@code style} in {@code outlets.json}. */
    public String id() {
        return id;
    }

    /** The style whose {@link #id()} is {@code id}, or empty for an unknown value. */
    public static Optional<PageStyle> fromId(String id) {
        for (PageStyle style : values()) {
            if (style.id.equals(id)) {
                return Optional.of(style);
            }
        }
        return Optional.empty();
    }
}
