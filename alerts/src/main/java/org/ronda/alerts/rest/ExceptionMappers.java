package org.ronda.alerts.rest;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ronda.alerts.subscription.InvalidSubscriptionException;
import org.ronda.alerts.subscription.MissingApiKeyException;
import org.ronda.alerts.subscription.StoreUnavailableException;
import org.ronda.alerts.subscription.SubscriptionNotFoundException;
import org.ronda.query.QuerySyntaxException;

/**
 * Failures as JSON answers: the caller's mistakes are 400, 401 or 404 with the reason; Kafka or
 * Elasticsearch unavailable is 503 (nothing was changed, try again).
 */
class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    @ServerExceptionMapper
    Response querySyntax(QuerySyntaxException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "query: " + e.getMessage());
        body.put("field", "query");
        body.put("position", e.position());
        return json(Response.Status.BAD_REQUEST, body);
    }

    @ServerExceptionMapper
    Response invalid(InvalidSubscriptionException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("field", e.field());
        return json(Response.Status.BAD_REQUEST, body);
    }

    @ServerExceptionMapper
    Response missingKey(MissingApiKeyException e) {
        return Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }

    @ServerExceptionMapper
    Response notFound(SubscriptionNotFoundException e) {
        return json(Response.Status.NOT_FOUND, Map.of("error", e.getMessage()));
    }

    @ServerExceptionMapper
    Response storeDown(StoreUnavailableException e) {
        LOG.warnf("subscription not saved: %s", e.getMessage());
        return json(Response.Status.SERVICE_UNAVAILABLE, Map.of("error", "subscriptions cannot be saved right now; nothing was changed, try again"));
    }

    @ServerExceptionMapper
    Response backendIo(IOException e) {
        LOG.warnf("alert store unreachable: %s", e.toString());
        return json(Response.Status.SERVICE_UNAVAILABLE, Map.of("error", "alert store unavailable"));
    }

    @ServerExceptionMapper
    Response backendError(ElasticsearchException e) {
        LOG.warnf("alert store failed: status %d, %s", e.status(), e.error().type());
        return json(Response.Status.SERVICE_UNAVAILABLE, Map.of("error", "alert store unavailable"));
    }

    private static Response json(Response.Status status, Map<String, ?> body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
