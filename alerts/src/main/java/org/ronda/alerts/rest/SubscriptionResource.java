package org.ronda.alerts.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import org.ronda.alerts.feed.AlertIndex;
import org.ronda.contracts.Alert;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.alerts.subscription.MissingApiKeyException;
import org.ronda.alerts.subscription.OwnerKeys;
import org.ronda.alerts.subscription.SubscriptionRequest;
import org.ronda.alerts.subscription.SubscriptionService;

/**
 * The subscription API. Every call except {@code POST /api/keys} needs {@code Authorization: Bearer
 * <key>}; a key sees and changes only the subscriptions made with it.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    static final int MAX_ALERTS = 200;

    private final SubscriptionService service;
    private final AlertIndex alerts;
    private final AlertsConfig config;

    SubscriptionResource(SubscriptionService service, AlertIndex alerts, AlertsConfig config) {
        this.service = service;
        this.alerts = alerts;
        this.config = config;
    }

    /** A new API key, shown once: keep it, it cannot be recovered. */
    @POST
    @Path("/keys")
    public Response newKey() {
        return Response.status(Response.Status.CREATED).entity(Map.of("apiKey", OwnerKeys.newKey(),
                "note", "send it as 'Authorization: Bearer <apiKey>'; it is shown only now")).build();
    }

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SubscriptionRequest request) {
        SubscriptionView view = SubscriptionView.of(service.create(key(authorization), request), config.publicUrl());
        return Response.created(URI.create("/api/subscriptions/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/subscriptions")
    public List<SubscriptionView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return service.list(key(authorization)).stream().map(s -> SubscriptionView.of(s, config.publicUrl())).toList();
    }

    @GET
    @Path("/subscriptions/{id}")
    public SubscriptionView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return SubscriptionView.of(service.get(key(authorization), id), config.publicUrl());
    }

    @PUT
    @Path("/subscriptions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SubscriptionView replace(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            SubscriptionRequest request) {
        return SubscriptionView.of(service.replace(key(authorization), id, request), config.publicUrl());
    }

    @DELETE
    @Path("/subscriptions/{id}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        service.delete(key(authorization), id);
        return Response.noContent().build();
    }

    /** The latest alerts of one of the caller's subscriptions, newest first (latest revision of each story). */
    @GET
    @Path("/subscriptions/{id}/alerts")
    public List<Alert> alerts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @QueryParam("size") @DefaultValue("50") int size) throws IOException {
        service.get(key(authorization), id);
        return alerts.latest(id, Math.max(1, Math.min(size, MAX_ALERTS)));
    }

    /** The key of an {@code Authorization: Bearer <key>} header. */
    static String key(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            throw new MissingApiKeyException();
        }
        return authorization.substring(7).strip();
    }
}
