package org.ronda.search.rest;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ronda.query.QuerySyntaxException;
import org.ronda.search.service.InvalidParameterException;

/**
 * Turns failures into JSON answers without stack traces: a query the parser refuses or a bad
 * parameter is the caller's to fix (400); Elasticsearch down or failing is ours (503, retry later).
 */
class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);
    static final String BACKEND_UNAVAILABLE = "search backend unavailable";

    @ServerExceptionMapper
    Response querySyntax(QuerySyntaxException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("position", e.position());
        return json(Response.Status.BAD_REQUEST, body);
    }

    @ServerExceptionMapper
    Response invalidParameter(InvalidParameterException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("parameter", e.parameter());
        return json(Response.Status.BAD_REQUEST, body);
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return json(Response.Status.NOT_FOUND, Map.of("error", e.getMessage()));
    }

    @ServerExceptionMapper
    Response backendIo(IOException e) {
        LOG.warnf("search backend unreachable: %s", e.toString());
        return unavailable();
    }

    @ServerExceptionMapper
    Response backendError(ElasticsearchException e) {
        if (e.status() >= 500) {
            LOG.warnf("search backend failed: status %d, %s", e.status(), e.error().type());
            return unavailable();
        }
        // A 4xx from Elasticsearch means we built a request it refuses: our defect, not the caller's.
        LOG.errorf("search backend refused a request: status %d, %s: %s", e.status(), e.error().type(), e.error().reason());
        return json(Response.Status.INTERNAL_SERVER_ERROR, Map.of("error", "search failed"));
    }

    private static Response unavailable() {
        return json(Response.Status.SERVICE_UNAVAILABLE, Map.of("error", BACKEND_UNAVAILABLE));
    }

    private static Response json(Response.Status status, Map<String, ?> body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
