package org.ronda.enrich.tag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.ronda.enrich.cluster.StoryClusterer;
import org.ronda.enrich.config.EnrichConfig;
import org.ronda.tagging.RuleSet;
import org.ronda.tagging.TopicTagger;

/** Builds the enricher once: the tagging engine from the bundled rule files and the story clusterer. */
class TaggingBeans {

    @Produces
    @ApplicationScoped
    ArticleEnricher articleEnricher(EnrichConfig config) {
        return new ArticleEnricher(new TopicTagger(RuleSet.loadDefault()),
                new StoryClusterer(config.clusterWindow(), config.clusterThreshold()), Clock.systemUTC());
    }
}
