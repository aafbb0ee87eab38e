package org.ronda.search.accounting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ronda.accounting.ReconcileReport;
import org.ronda.accounting.Reconciler;
import org.ronda.accounting.TopicNames;
import org.ronda.accounting.Window;
import org.ronda.kafka.KafkaSettings;
import org.ronda.search.config.SearchConfig;
import org.ronda.search.service.InvalidParameterException;

/**
 * {@code GET /api/reconcile}: the stage accounting of the accounting module for a window, as JSON.
 * 200 with {@code balanced} false when articles are unaccounted (the report is the answer, not an
 * error); 400 for a bad window; 503 when Kafka or Elasticsearch does not answer.
 */
@Path("/api/reconcile")
@Produces(MediaType.APPLICATION_JSON)
public class ReconcileResource {

    private static final Logger LOG = Logger.getLogger(ReconcileResource.class);

    private final Reconciler reconciler;
    private final SearchConfig.Reconcile config;

    public ReconcileResource(ElasticsearchClient elastic, SearchConfig search, KafkaSettings kafka) {
        this.config = search.reconcile();
        TopicNames topics = new TopicNames(config.rawTopic(), config.enrichedTopic(), config.ingestDeadLetterTopic(),
                config.enrichDeadLetterTopic(), config.indexDeadLetterTopic(), config.alertsTopic().orElse(null));
        this.reconciler = new Reconciler(kafka.bootstrapServers(), elastic, search.alias(), topics, config.maxListedIds(), Clock.systemUTC());
    }

    @GET
    @Operation(summary = "Reconcile the stages for a window", description = "since=24h (default), or from and to as ISO-8601 "
            + "instants. Per stage: articles in, out by outcome, dead letters by reason, and the ids of articles that came out nowhere.")
    public ReconcileReport reconcile(@QueryParam("since") String since, @QueryParam("from") String from, @QueryParam("to") String to)
            throws IOException {
        Window window = window(since, from, to, Instant.now());
        return reconciler.reconcile(window, config.ingestMetrics());
    }

    private Window window(String since, String from, String to, Instant now) {
        Window window;
        try {
            if (from != null || to != null) {
                if (since != null) {
                    throw new InvalidParameterException("since", "give either since or from/to, not both");
                }
                if (from == null) {
                    throw new InvalidParameterException("from", "to needs from");
                }
                window = Window.between(from, to != null ? to : now.toString());
            } else {
                window = Window.since(since != null ? since : "24h", now);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(since != null ? "since" : "from", e.getMessage());
        }
        if (Duration.between(window.from(), window.to()).compareTo(config.maxWindow()) > 0) {
            throw new InvalidParameterException(since != null ? "since" : "from",
                    "window longer than " + config.maxWindow() + " (ronda.search.reconcile.max-window)");
        }
        return window;
    }

    /** Kafka not answering: the accounting cannot be done now. */
    @ServerExceptionMapper
    Response kafkaUnavailable(IllegalStateException e) {
        LOG.warnf("reconciliation failed: %s", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "pipeline topics unavailable")).build();
    }
}
