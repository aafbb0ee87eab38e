package org.ronda.alerts.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.alerts.subscription.SubscriptionService;
import org.ronda.contracts.Subscription;

/**
 * {@code GET /alerts/feeds/{id}.atom?key=...}: the subscription's latest alerts for any feed
 * reader. The key in the URL is the subscription's feed key (readers cannot send headers); a wrong
 * key is a 404, like a missing subscription.
 */
@Path("/alerts/feeds")
public class FeedResource {

    static final int ENTRIES = 50;

    private final SubscriptionService subscriptions;
    private final AlertIndex index;
    private final AlertsConfig config;

    FeedResource(SubscriptionService subscriptions, AlertIndex index, AlertsConfig config) {
        this.subscriptions = subscriptions;
        this.index = index;
        this.config = config;
    }

    @GET
    @Path("/{id}.atom")
    @Produces("application/atom+xml;charset=UTF-8")
    public String feed(@PathParam("id") String id, @QueryParam("key") String key) throws IOException {
        Subscription s = subscriptions.byFeedKey(id, key);
        String self = config.publicUrl().replaceAll("/$", "") + "/alerts/feeds/" + id + ".atom?key=" + key;
        return AtomFeedWriter.write(s, index.latest(id, ENTRIES), self);
    }
}
