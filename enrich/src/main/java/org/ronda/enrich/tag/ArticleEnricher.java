package org.ronda.enrich.tag;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.TopicTag;
import org.ronda.enrich.cluster.StoryClusterer;
import org.ronda.tagging.TopicTagger;
import org.ronda.tagging.language.LanguageDetector;
import org.ronda.tagging.organisation.OrganisationTagger;
import org.ronda.tagging.place.CountryTagger;

/**
 * Adds the enrichment section to a raw article: detected language, topics, countries and
 * organisations with evidence, and the story cluster. The
 * raw fields are carried over untouched; the
 * event id is derived from the raw event and the rules version, so re-enriching the same event with
 * the same rules gives the same id.
 */
public class ArticleEnricher {

    private volatile TopicTagger tagger;
    private final LanguageDetector languages;
    private final CountryTagger countries;
    private final OrganisationTagger organisations;
    private final StoryClusterer clusterer;
    private final Clock clock;

    public ArticleEnricher(TopicTagger tagger, LanguageDetector languages, CountryTagger countries,
            OrganisationTagger organisations, StoryClusterer clusterer, Clock clock) {
        this.tagger = tagger;
        this.languages = languages;
        this.countries = countries;
        this.organisations = organisations;
        this.clusterer = clusterer;
        this.clock = clock;
    }

    /** The enriched event for {@code raw}: {@link #tag} then {@link #enrich(Tagged)}. */
    public EnrichedArticle enrich(RawArticle raw) {
        return enrich(tag(raw));
    }

    /**
     * The part of the enrichment that depends on the article alone: language, topics, countries and
     * organisations. Thread-safe, so the articles of a poll can be tagged in parallel.
     */
    public Tagged tag(RawArticle raw) {
        String hint = raw.language() != null ? raw.language() : raw.source().language();
        String detected = languages.detect(raw.title(), raw.text(), hint).language();
        // Too little text to tell: the page's or the outlet's declared language is the best we have.
        String language = "und".equals(detected) ? hint : detected;
        // One tagger per article, so that the tags and the version recorded with them always match.
        TopicTagger tagger = this.tagger;
        List<TopicTag> topics = tagger.tag(raw.title(), raw.text(), language);
        return new Tagged(raw, tagger.rulesVersion(), language, topics, countries.tag(raw.title(), raw.text()),
                organisations.tag(raw.title(), raw.text()));
    }

    /**
     * The enriched event for a tagged article: places it in a story cluster, which depends on the
     * articles placed before it. Not thread-safe: called by the enrich loop's thread, in record order.
     */
    public EnrichedArticle enrich(Tagged tagged) {
        RawArticle raw = tagged.raw();
        StoryClusterer.Assignment cluster = clusterer.assign(raw.articleId(), raw.title(), raw.text(), raw.fetchedAt());
        Enrichment enrichment = new Enrichment(tagged.rulesVersion(), tagged.language(), tagged.topics(), clock.instant(),
                tagged.countries(), tagged.organisations(), cluster.clusterId(), cluster.first());
        String eventId = UUID.nameUUIDFromBytes(
                (raw.eventId() + "|enrich|" + tagged.rulesVersion()).getBytes(StandardCharsets.UTF_8)).toString();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, eventId, raw.articleId(), clock.instant(), raw, enrichment);
    }

    /** An article with what {@link #tag} found, waiting for its story cluster. */
    public record Tagged(RawArticle raw, String rulesVersion, String language, List<TopicTag> topics,
            List<EntityTag> countries, List<EntityTag> organisations) {
    }

    /** Puts an already enriched article back into the story clusters (start-up rebuild). */
    public void remember(EnrichedArticle enriched) {
        RawArticle raw = enriched.article();
        if (enriched.enrichment().clusterId() != null) {
            clusterer.restore(raw.articleId(), enriched.enrichment().clusterId(), enriched.enrichment().firstInCluster(),
                    raw.title(), raw.text(), raw.fetchedAt());
        }
    }

    /** Whether the story clusters hold {@code articleId}, so {@link #remember} would change nothing. */
    public boolean remembers(String articleId) {
        return clusterer.contains(articleId);
    }

    /** Tags later articles with {@code next}: new rules take effect without a restart. */
    public void replaceTagger(TopicTagger next) {
        this.tagger = next;
    }

    /** Version of the rules in use. */
    public String rulesVersion() {
        return tagger.rulesVersion();
    }
}
