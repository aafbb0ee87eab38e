package org.ronda.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The section that the enrich stage adds to an article. It never rewrites the raw fields.
 *
 * @param rulesVersion version of the rule files that produced the tags
 * @param language     detected language (BCP 47)
 * @param topics       topic tags, possibly empty
 * @param enrichedAt   when the enricher produced this section
 * @param countries    countries mentioned in the article (ISO 3166-1 alpha-2, or EU); the outlet's own
 *                     country is kept apart in {@code article.source.country}
 * @param organisations regional, international and national bodies mentioned, one id each
 * @param clusterId    the story cluster: syndicated and rewritten copies of one story share it
 * @param firstInCluster true for the first article seen in its cluster
 */
public record Enrichment(
        String rulesVersion,
        String language,
        List<TopicTag> topics,
        Instant enrichedAt,
        List<EntityTag> countries,
        List<EntityTag> organisations,
        String clusterId,
        boolean firstInCluster) {

    public Enrichment {
        Contract.requiredText(rulesVersion, "enrichment.rulesVersion");
        Contract.requiredText(language, "enrichment.language");
        topics = topics == null ? List.of() : List.copyOf(topics);
        Contract.required(enrichedAt, "enrichment.enrichedAt");
        countries = countries == null ? List.of() : List.copyOf(countries);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }
}
