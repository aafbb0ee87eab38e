package org.ronda.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.RolloverResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Asks Elasticsearch to roll the write alias over to a new index ({@code <alias>-000002}, …) once
 * the write index is old, large or full enough. The alias created by {@link IndexSetup} marks its
 * index as write index, so after a rollover the alias still holds every older index for reading and
 * only the newest takes new documents; searches keep using the alias unchanged.
 */
public final class IndexRollover {

    private static final Logger LOG = Logger.getLogger(IndexRollover.class);
    private static final Pattern BYTE_SIZE = Pattern.compile("\\d+(b|kb|mb|gb|tb|pb)");

    private final ElasticsearchClient client;
    private final String alias;
    private final Duration maxAge;
    private final String maxPrimarySize;
    private final OptionalLong maxDocs;

    /**
     * A rollover check for {@code alias}: any one condition met rolls it over.
     *
     * @throws IllegalArgumentException naming the setting when a condition is not valid
     */
    public IndexRollover(ElasticsearchClient client, String alias, Duration maxAge, String maxPrimarySize, OptionalLong maxDocs) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("ronda.index.rollover-max-age must be positive, was " + maxAge);
        }
        if (!BYTE_SIZE.matcher(maxPrimarySize).matches()) {
            throw new IllegalArgumentException("ronda.index.rollover-max-primary-size must be a size such as 30gb or 500mb, was '"
                    + maxPrimarySize + "'");
        }
        if (maxDocs.isPresent() && maxDocs.getAsLong() < 1) {
            throw new IllegalArgumentException("ronda.index.rollover-max-docs must be at least 1, was " + maxDocs.getAsLong());
        }
        this.client = client;
        this.alias = alias;
        this.maxAge = maxAge;
        this.maxPrimarySize = maxPrimarySize;
        this.maxDocs = maxDocs;
    }

    /**
     * Rolls the alias over if a condition is met. Returns the new write index when it did. Several
     * indexers may call this at once: Elasticsearch evaluates the conditions atomically, so at most
     * one of them rolls over and the others find the conditions unmet on the new index.
     */
    public Optional<String> rollOverIfDue() throws IOException {
        RolloverResponse response = client.indices().rollover(r -> r.alias(alias).conditions(c -> {
            c.maxAge(t -> t.time(maxAge.toMillis() + "ms")).maxPrimaryShardSize(maxPrimarySize);
            maxDocs.ifPresent(c::maxDocs);
            return c;
        }));
        if (!response.rolledOver()) {
            return Optional.empty();
        }
        LOG.infof("rolled %s over from %s to %s (conditions met: %s)", alias, response.oldIndex(), response.newIndex(),
                response.conditions());
        // Documents written just before the rollover become searchable now, so the next batch's
        // lookup finds them in the old index instead of writing a duplicate to the new one.
        client.indices().refresh(f -> f.index(response.oldIndex()));
        return Optional.of(response.newIndex());
    }
}
