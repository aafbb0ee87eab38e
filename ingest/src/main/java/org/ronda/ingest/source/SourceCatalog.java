package org.ronda.ingest.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;
import org.ronda.ingest.config.IngestConfig;

/** The sources this instance polls, read once at start-up from {@code ronda.ingest.sources-file}. */
@ApplicationScoped
public class SourceCatalog {

    private static final Logger LOG = Logger.getLogger(SourceCatalog.class);

    private final SourceListReader.Result result;

    SourceCatalog(IngestConfig config) {
        try {
            this.result = new SourceListReader().read(config.sourcesFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the source list " + config.sourcesFile()
                    + " (set ronda.ingest.sources-file): " + e.getMessage(), e);
        }
        result.problems().forEach(LOG::warn);
        LOG.infof("loaded %d sources from %s", result.sources().size(), config.sourcesFile());
    }

    /** The valid sources. */
    public List<Source> sources() {
        return result.sources();
    }

    /** One message per rejected line of the source list. */
    public List<String> problems() {
        return result.problems();
    }
}
