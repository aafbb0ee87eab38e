package org.ronda.search.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.ronda.search.config.SearchConfig;

/**
 * {@code GET /api/links}: the addresses of Ronda's other pages, so the researcher page can link to
 * them without knowing where they are deployed ({@code ronda.search.alerts-url}).
 */
@Path("/api/links")
public class LinksResource {

    private final SearchConfig config;

    LinksResource(SearchConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> links() {
        return Map.of("alerts", config.alertsUrl());
    }
}
