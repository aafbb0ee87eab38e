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
 */
public record Enrichment(String rulesVersion, String language, List<TopicTag> topics, Instant enrichedAt) {

    public Enrichment {
        Contract.requiredText(rulesVersion, "enrichment.rulesVersion");
        Contract.requiredText(language, "enrichment.language");
        topics = topics == null ? List.of() : List.copyOf(topics);
        Contract.required(enrichedAt, "enrichment.enrichedAt");
    }
}
