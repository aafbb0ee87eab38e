package org.ronda.enrich.tag;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.TopicTag;
import org.ronda.enrich.cluster.StoryClusterer;
import org.ronda.tagging.TopicTagger;

/**
 * Adds the enrichment section to a raw article: topics with evidence and the story cluster. The
 * raw fields are carried over untouched; the
 * event id is derived from the raw event and the rules version, so re-enriching the same event with
 * the same rules gives the same id.
 */
public class ArticleEnricher {

    private final TopicTagger tagger;
    private final StoryClusterer clusterer;
    private final Clock clock;

    public ArticleEnricher(TopicTagger tagger, StoryClusterer clusterer, Clock clock) {
        this.tagger = tagger;
        this.clusterer = clusterer;
        this.clock = clock;
    }

    /** The enriched event for {@code raw}. */
    public EnrichedArticle enrich(RawArticle raw) {
        String language = raw.language() != null ? raw.language() : raw.source().language();
        List<TopicTag> topics = tagger.tag(raw.title(), raw.text(), language);
        StoryClusterer.Assignment cluster = clusterer.assign(raw.articleId(), raw.title(), raw.text(), raw.fetchedAt());
        Enrichment enrichment = new Enrichment(tagger.rulesVersion(), language, topics, clock.instant(), List.of(), List.of(),
                cluster.clusterId(), cluster.first());
        String eventId = UUID.nameUUIDFromBytes(
                (raw.eventId() + "|enrich|" + tagger.rulesVersion()).getBytes(StandardCharsets.UTF_8)).toString();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, eventId, raw.articleId(), clock.instant(), raw, enrichment);
    }

    /** Puts an already enriched article back into the story clusters (start-up rebuild). */
    public void remember(EnrichedArticle enriched) {
        RawArticle raw = enriched.article();
        if (enriched.enrichment().clusterId() != null) {
            clusterer.restore(raw.articleId(), enriched.enrichment().clusterId(), enriched.enrichment().firstInCluster(),
                    raw.title(), raw.text(), raw.fetchedAt());
        }
    }

    /** Version of the rules in use. */
    public String rulesVersion() {
        return tagger.rulesVersion();
    }
}
