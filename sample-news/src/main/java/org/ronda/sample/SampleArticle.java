package org.ronda.sample;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One article of the sample corpus, as written in {@code articles/<outlet-id>.json}.
 *
 * @param outletId   id of the outlet that published it
 * @param slug       last URL segment, unique within the outlet
 * @param title      headline
 * @param author     byline, or {@code null} for agency or staff copy
 * @param published  publication time with the offset it was written with
 * @param lang       BCP 47 language of this article (usually the outlet's)
 * @param section    the outlet's section, also a URL segment
 * @param summary    one or two sentences; the feed item description
 * @param paragraphs the body, plain text, in order
 * @param topics     the taxonomy ids a correct tagger assigns; empty for news unrelated to crime
 */
public record SampleArticle(
        String outletId,
        String slug,
        String title,
        String author,
        OffsetDateTime published,
        String lang,
        String section,
        String summary,
        List<String> paragraphs,
        List<String> topics) {

    public SampleArticle {
        Objects.requireNonNull(outletId, "outletId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(summary, "summary");
        paragraphs = List.copyOf(paragraphs);
        topics = List.copyOf(topics);
    }
}
