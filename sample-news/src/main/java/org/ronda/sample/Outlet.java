package org.ronda.sample;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A news outlet of the sample corpus, as described in {@code outlets.json}.
 *
 * @param id         stable slug ({@code [a-z0-9-]+}), first segment of every URL of the outlet
 * @param name       display name
 * @param country    ISO 3166-1 alpha-2 code of the home country
 * @param language   BCP 47 primary language of the outlet
 * @param feedFormat the format of its one feed
 * @param style      its page template family
 * @param timeZone   the newsroom's zone; article URLs carry the publication date in this zone
 */
public record Outlet(
        String id,
        String name,
        String country,
        String language,
        FeedFormat feedFormat,
        PageStyle style,
        ZoneId timeZone) {

    public Outlet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(feedFormat, "feedFormat");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** The path of the outlet's homepage: {@code /<id>/}. */
    public String homePath() {
        return "/" + id + "/";
    }

    /** The path of the outlet's feed: {@code /<id>/feed.xml} for RSS, {@code /<id>/atom.xml} for Atom. */
    public String feedPath() {
        return homePath() + feedFormat.fileName();
    }
}
