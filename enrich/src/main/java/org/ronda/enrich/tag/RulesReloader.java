package org.ronda.enrich.tag;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.ronda.enrich.config.EnrichConfig;
import org.ronda.tagging.RuleFileException;
import org.ronda.tagging.RuleSet;
import org.ronda.tagging.TopicTagger;

/**
 * Re-reads the rules folder ({@code ronda.enrich.rules-dir}) when its files change. A folder that
 * fails to load is refused with the file, line and reason, and the last good rules stay in use:
 * a typo in a rule file must never stop tagging.
 */
@ApplicationScoped
public class RulesReloader {

    private static final Logger LOG = Logger.getLogger(RulesReloader.class);

    private final ArticleEnricher enricher;
    private final Optional<Path> dir;
    private volatile String fingerprint;
    private volatile String lastError;

    @Inject
    RulesReloader(ArticleEnricher enricher, EnrichConfig config) {
        this(enricher, config.rulesDir());
    }

    RulesReloader(ArticleEnricher enricher, Optional<Path> dir) {
        this.enricher = enricher;
        this.dir = dir;
        this.fingerprint = dir.map(RulesReloader::fingerprintOf).orElse(null);
    }

    @Scheduled(every = "${ronda.enrich.rules-check-interval}", delayed = "${ronda.enrich.rules-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCheck() {
        check();
    }

    /** Reloads the rules if the folder changed; returns true when new rules were put in use. */
    boolean check() {
        if (dir.isEmpty()) {
            return false;
        }
        String now = fingerprintOf(dir.get());
        if (now.equals(fingerprint)) {
            return false;
        }
        fingerprint = now;
        try {
            TopicTagger next = new TopicTagger(RuleSet.load(dir.get()));
            String previous = enricher.rulesVersion();
            enricher.replaceTagger(next);
            lastError = null;
            LOG.infof("rules %s loaded from %s (were %s)", next.rulesVersion(), dir.get(), previous);
            return true;
        } catch (RuleFileException e) {
            lastError = e.getMessage();
            LOG.errorf("rules in %s refused, still tagging with %s: %s", dir.get(), enricher.rulesVersion(), e.getMessage());
            return false;
        }
    }

    /** Why the last change of the rules folder was refused, if it was. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Names, sizes and modification times of the folder's files: any edit changes it. */
    private static String fingerprintOf(Path dir) {
        StringBuilder f = new StringBuilder();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            java.util.List<Path> sorted = new java.util.ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path p : sorted) {
                f.append(p.getFileName()).append(':').append(Files.size(p)).append(':')
                        .append(Files.getLastModifiedTime(p).toMillis()).append(';');
            }
        } catch (IOException e) {
            f.append("unreadable:").append(e.getMessage());
        }
        return f.toString();
    }
}
