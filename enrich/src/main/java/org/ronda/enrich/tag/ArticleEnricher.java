package org.ronda.enrich.tag;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.TopicTag;
import org.ronda.tagging.TopicTagger;

/**
 * Adds the enrichment section to a raw article. The raw fields are carried over untouched; the
 * event id is derived from the raw event and the rules version, so re-enriching the same event with
 * the same rules gives the same id.
 */
public class ArticleEnricher {

    private final TopicTagger tagger;
    private final Clock clock;

    public ArticleEnricher(TopicTagger tagger, Clock clock) {
        this.tagger = tagger;
        this.clock = clock;
    }

    /** The enriched event for {@code raw}. */
    public EnrichedArticle enrich(RawArticle raw) {
        String language = raw.language() != null ? raw.language() : raw.source().language();
        List<TopicTag> topics = tagger.tag(raw.title(), raw.text(), language);
        Enrichment enrichment = new Enrichment(tagger.rulesVersion(), language, topics, clock.instant(), List.of(), List.of(), null, false);
        String eventId = UUID.nameUUIDFromBytes(
                (raw.eventId() + "|enrich|" + tagger.rulesVersion()).getBytes(StandardCharsets.UTF_8)).toString();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, eventId, raw.articleId(), clock.instant(), raw, enrichment);
    }

    /** Version of the rules in use. */
    public String rulesVersion() {
        return tagger.rulesVersion();
    }
}
