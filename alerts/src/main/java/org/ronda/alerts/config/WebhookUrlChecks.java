package org.ronda.alerts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import org.ronda.alerts.subscription.SubscriptionService;

/** The webhook URL check the subscription API applies before it stores a URL. */
@ApplicationScoped
class WebhookUrlChecks {

    @Produces
    @ApplicationScoped
    SubscriptionService.WebhookUrlCheck check() {
        return url -> {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: " + url);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("the webhook URL must be http or https with a host, got " + url);
            }
        };
    }
}
