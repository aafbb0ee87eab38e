package org.ronda.alerts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.ronda.alerts.subscription.SubscriptionService;
import org.ronda.alerts.webhook.WebhookUrlPolicy;

/**
 * The webhook URL check the subscription API applies before it stores a URL: the same policy the
 * webhook channel applies again at every delivery (scheme, host, every resolved address).
 */
@ApplicationScoped
class WebhookUrlChecks {

    @Produces
    @ApplicationScoped
    SubscriptionService.WebhookUrlCheck check(WebhookUrlPolicy policy) {
        return policy::check;
    }
}
