package org.ronda.alerts.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.ronda.alerts.config.AlertsConfig;

/**
 * {@code GET /api/links}: the addresses of Ronda's other pages, so the subscription page can link
 * to them without knowing where they are deployed ({@code ronda.alerts.search-url}). Needs no key.
 */
@Path("/api/links")
public class LinksResource {

    private final AlertsConfig config;

    LinksResource(AlertsConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> links() {
        return Map.of("search", config.searchUrl());
    }
}
