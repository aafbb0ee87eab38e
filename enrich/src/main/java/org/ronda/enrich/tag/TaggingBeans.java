package org.ronda.enrich.tag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.ronda.enrich.cluster.StoryClusterer;
import org.ronda.enrich.config.EnrichConfig;
import org.ronda.tagging.RuleSet;
import org.ronda.tagging.TopicTagger;
import org.ronda.tagging.language.LanguageDetector;
import org.ronda.tagging.organisation.OrganisationTagger;
import org.ronda.tagging.place.CountryTagger;

/** Builds the enricher once: language detector, topic rules, gazetteers and the story clusterer. */
class TaggingBeans {

    @Produces
    @ApplicationScoped
    ArticleEnricher articleEnricher(EnrichConfig config) {
        // Loaded now, not on the first article: Lingua's models take ~100 MiB and most of a second.
        LanguageDetector.preload();
        RuleSet rules = config.rulesDir().map(RuleSet::load).orElseGet(RuleSet::loadDefault);
        return new ArticleEnricher(new TopicTagger(rules), new LanguageDetector(), CountryTagger.loadDefault(),
                OrganisationTagger.loadDefault(), new StoryClusterer(config.clusterWindow(), config.clusterThreshold()),
                Clock.systemUTC());
    }
}
