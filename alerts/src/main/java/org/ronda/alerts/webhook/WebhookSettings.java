package org.ronda.alerts.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ronda.alerts.config.AlertsConfig;

/**
 * The settings of {@link WebhookDelivery}, validated: an invalid value stops start-up with a message
 * naming the {@code ronda.alerts.webhook.*} property.
 *
 * @param groupId               consumer group of the webhook senders
 * @param initialBackoff        first retry delay, and the floor of every retry delay
 * @param maxBackoff            ceiling of every retry delay, Retry-After included
 * @param giveUpAfter           time since the first attempt after which a failing alert is dead-lettered
 * @param timeout               connect and read timeout of one attempt
 * @param maxInFlight           POSTs in progress at once, across all subscribers
 * @param maxPending            deliveries held at once (in progress, waiting for a sender or for a retry);
 *                              the consumer pauses its partitions while this many are unfinished
 * @param allowPrivateAddresses ranges or host names exempt from the address guard
 */
public record WebhookSettings(
        String groupId,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration giveUpAfter,
        Duration timeout,
        int maxInFlight,
        int maxPending,
        Set<String> allowPrivateAddresses) {

    /**
     * Records held per sender thread. A subscriber that is down keeps its alerts waiting for retries
     * for up to {@code giveUpAfter}; holding many times {@code maxInFlight} of them lets the others'
     * alerts keep flowing past it before the consumer has to pause.
     */
    static final int PENDING_PER_SENDER = 16;

    public WebhookSettings {
        Objects.requireNonNull(groupId, "groupId");
        positive(initialBackoff, "initial-backoff");
        positive(maxBackoff, "max-backoff");
        positive(giveUpAfter, "give-up-after");
        positive(timeout, "timeout");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("ronda.alerts.webhook.max-backoff (" + maxBackoff
                    + ") must not be shorter than ronda.alerts.webhook.initial-backoff (" + initialBackoff + ")");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("ronda.alerts.webhook.max-in-flight must be at least 1, got " + maxInFlight);
        }
        if (maxPending < maxInFlight) {
            throw new IllegalArgumentException("pending records (" + maxPending + ") must be at least ronda.alerts.webhook.max-in-flight");
        }
        allowPrivateAddresses = Set.copyOf(allowPrivateAddresses);
    }

    /** The settings under {@code ronda.alerts.webhook}. */
    public static WebhookSettings from(AlertsConfig.Webhook config) {
        return new WebhookSettings(config.groupId(), config.initialBackoff(), config.maxBackoff(), config.giveUpAfter(),
                config.timeout(), config.maxInFlight(), config.maxInFlight() * PENDING_PER_SENDER,
                Set.copyOf(config.allowPrivateAddresses().orElse(List.of())));
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("ronda.alerts.webhook." + name + " must be a positive duration, got " + d);
        }
    }
}
