package org.ronda.alerts.email;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.ronda.alerts.subscription.StoreUnavailableException;
import org.ronda.alerts.subscription.SubscriptionStore;
import org.ronda.contracts.Subscription;

/**
 * The unsubscribe link of every alert e-mail, {@code /alerts/unsubscribe?subscription=…&key=…}.
 * GET shows a confirmation page with a button (so that link scanners that follow links do not
 * unsubscribe anyone); POST, from that button or from a mail client's RFC 8058 one-click request
 * ({@code List-Unsubscribe=One-Click} in the body, id and key in the query), turns the
 * subscription's e-mail off. A wrong key or an unknown subscription answers 404 alike; Kafka not
 * taking the change answers 503 and changes nothing.
 */
@Path("/alerts/unsubscribe")
public class UnsubscribeResource {

    private final Unsubscriber unsubscriber;

    @Inject
    UnsubscribeResource(SubscriptionStore store) {
        this(new Unsubscriber(store, store::save, Clock.systemUTC()));
    }

    UnsubscribeResource(Unsubscriber unsubscriber) {
        this.unsubscriber = unsubscriber;
    }

    /** The confirmation page, or 404. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("subscription") String subscriptionId, @QueryParam("key") String key) {
        Optional<Subscription> found = unsubscriber.verify(subscriptionId, key);
        if (found.isEmpty()) {
            return notFound();
        }
        Subscription s = found.get();
        String body = s.email().unsubscribed()
                ? "<p>You are unsubscribed from <strong>" + EmailComposer.escape(s.name()) + "</strong>.</p>"
                : "<p>Stop e-mail alerts for <strong>" + EmailComposer.escape(s.name()) + "</strong> to "
                        + EmailComposer.escape(s.email().address()) + "?</p>"
                        + "<form method=\"post\" action=\"unsubscribe\">"
                        + "<input type=\"hidden\" name=\"subscription\" value=\"" + EmailComposer.escape(s.id()) + "\">"
                        + "<input type=\"hidden\" name=\"key\" value=\"" + EmailComposer.escape(key) + "\">"
                        + "<button type=\"submit\">Unsubscribe</button></form>";
        return page(200, "Unsubscribe", body);
    }

    /** Unsubscribes; the id and key come from the form or, for one-click requests, from the query. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response unsubscribe(@QueryParam("subscription") String querySubscription, @QueryParam("key") String queryKey,
            @FormParam("subscription") String formSubscription, @FormParam("key") String formKey) {
        String id = formSubscription != null ? formSubscription : querySubscription;
        String key = formKey != null ? formKey : queryKey;
        try {
            if (!unsubscriber.unsubscribe(id, key)) {
                return notFound();
            }
        } catch (StoreUnavailableException e) {
            return page(503, "Try again later", "<p>We could not save your choice just now. Please try again in a minute.</p>");
        }
        return page(200, "Unsubscribed", "<p>You are unsubscribed. You will get no more e-mail for these alerts.</p>");
    }

    private static Response notFound() {
        return page(404, "Not found", "<p>This unsubscribe link is not valid.</p>");
    }

    private static Response page(int status, String title, String body) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                // The URL carries the key: keep it out of caches and out of Referer headers.
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
