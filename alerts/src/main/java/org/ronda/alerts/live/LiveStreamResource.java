package org.ronda.alerts.live;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.ronda.alerts.subscription.SubscriptionService;

/**
 * {@code GET /alerts/stream/{id}?key=...}: a subscription's alerts as server-sent events
 * ({@code alert.created}, {@code alert.updated}; data = the alert JSON; id = alertId#revision). The
 * key is the feed key, since browsers' EventSource cannot send headers.
 */
@Path("/alerts/stream")
public class LiveStreamResource {

    private final SubscriptionService subscriptions;
    private final LiveAlerts live;

    LiveStreamResource(SubscriptionService subscriptions, LiveAlerts live) {
        this.subscriptions = subscriptions;
        this.live = live;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("id") String id, @QueryParam("key") String key, @Context SseEventSink sink, @Context Sse sse) {
        subscriptions.byFeedKey(id, key);
        live.open(id, sink, sse);
    }
}
