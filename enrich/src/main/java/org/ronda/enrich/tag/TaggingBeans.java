package org.ronda.enrich.tag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.ronda.tagging.RuleSet;
import org.ronda.tagging.TopicTagger;

/** Builds the tagging engine from the bundled rule files once, at start-up. */
class TaggingBeans {

    @Produces
    @ApplicationScoped
    ArticleEnricher articleEnricher() {
        return new ArticleEnricher(new TopicTagger(RuleSet.loadDefault()), Clock.systemUTC());
    }
}
