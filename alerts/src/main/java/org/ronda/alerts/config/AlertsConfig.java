package org.ronda.alerts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of the alerts service, under {@code ronda.alerts}. */
@ConfigMapping(prefix = "ronda.alerts")
public interface AlertsConfig {

    /** Topic names; names live in configuration only. */
    Topics topics();

    /** This instance's name, unique among running alert services; makes transactional ids stable. */
    @WithDefault("0")
    String instanceId();

    /** Consumer group of the matchers; instances share the enriched topic's partitions. */
    @WithDefault("ronda-alerts-match")
    String matchGroupId();

    /** Consumer group that copies alerts into the alert index. */
    @WithDefault("ronda-alerts-record")
    String recorderGroupId();

    /**
     * Threads that match a poll's articles against the subscriptions, the loop's own included; a
     * poll of fewer than {@code 4 x} this many articles is matched on the loop's thread alone. The
     * monitor is four fifths of the loop's CPU at 10,000 subscriptions (decision 32).
     */
    @WithDefault("2")
    int matchThreads();

    /** Records taken per poll by the matcher. */
    @WithDefault("200")
    int maxPollRecords();

    /** When the matcher's transaction commits; it spans polls while records are already fetched (decisions 33, 36). */
    Transaction transaction();

    /** Limits of one matcher transaction: whichever is reached first commits it. */
    interface Transaction {
        /** Input records at which the open transaction commits. */
        @WithDefault("200")
        int maxRecords();

        /** Input bytes (keys and values as stored) at which the open transaction commits. Default 8 MiB. */
        @WithDefault("8388608")
        long maxBytes();

        /**
         * Longest a transaction stays open while records keep coming. Its alerts are invisible to
         * the channels until it commits, so this is latency added to every alert in it: the default
         * 0 commits after every poll (a run at 50 articles/s with 250 ms had p99 1.8 s against 0.5 s).
         */
        @WithDefault("0s")
        Duration maxTime();
    }

    /** The address users reach this service at, for links in e-mail and feeds. */
    String publicUrl();

    /**
     * Where users reach the researchers' search page (a different service and port); the alerts
     * page's header links to it through {@code GET /api/links}.
     */
    @WithDefault("http://127.0.0.1:8084/")
    String searchUrl();

    /** Elasticsearch index (or alias) that keeps every alert for feeds and the web page. */
    @WithDefault("ronda-alerts")
    String alertIndex();

    /** Webhook delivery. */
    Webhook webhook();

    /** E-mail delivery. */
    Email email();

    /** Kafka topics. */
    interface Topics {
        /** Input: enriched articles. */
        String enrichedArticles();

        /** Compacted: subscriptions keyed by id; a tombstone deletes one. */
        String subscriptions();

        /** Compacted: what each subscription has been told about each story, keyed by alert id. */
        String stories();

        /** Output: one record per alerting article with its subscription decisions, keyed by story (decision 32). */
        String alerts();

        /**
         * Output for the e-mail channel: the alerts of subscriptions with e-mail, one per
         * subscription and article, keyed by subscription id; {@code <alerts>.email} when not set.
         */
        Optional<String> emailAlerts();

        /** {@link #emailAlerts()} or its default. */
        default String emailAlertsTopic() {
            return emailAlerts().orElse(alerts() + ".email");
        }

        /** Alerts that could not be delivered, with the reason. */
        String deadLetter();

        /** Compacted: pending digests and hourly counts of each e-mail subscriber. */
        String emailState();
    }

    /** Webhook delivery settings. */
    interface Webhook {
        /** Consumer group of the webhook senders. */
        @WithDefault("ronda-alerts-webhook")
        String groupId();

        /** First retry delay; each further retry doubles it, with jitter. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest delay between two attempts. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** After this long since the first attempt, an alert goes to the dead-letter topic. */
        @WithDefault("1h")
        Duration giveUpAfter();

        /** Connect and read timeout of one attempt. */
        @WithDefault("10s")
        Duration timeout();

        /** Deliveries in flight at once across all subscribers. */
        @WithDefault("64")
        int maxInFlight();

        /**
         * Addresses (CIDR ranges, single addresses or host names) that webhooks may reach although
         * they are loopback, private or link-local; empty in production.
         */
        Optional<List<String>> allowPrivateAddresses();
    }

    /** E-mail delivery settings. */
    interface Email {
        /** Consumer group of the e-mail dispatcher. */
        @WithDefault("ronda-alerts-email")
        String groupId();

        /** Default immediate messages per hour before alerts roll into the next digest. */
        @WithDefault("10")
        int defaultCapPerHour();

        /** How often due digests are looked for. */
        @WithDefault("30s")
        Duration digestCheckInterval();

        /** First wait after a transient SMTP failure; each further one doubles, with jitter. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest wait; well under the consumer's five-minute poll interval, so a paused consumer stays in its group. */
        @WithDefault("2m")
        Duration maxBackoff();

        /** The SMTP server. */
        Smtp smtp();
    }

    /** The SMTP server alerts are mailed through. */
    interface Smtp {
        /** Host name or address. */
        @WithDefault("127.0.0.1")
        String host();

        /** Port (plain SMTP; a local relay handles TLS and authentication upstream). */
        @WithDefault("25")
        int port();

        /** The From address of every message. */
        @WithDefault("Ronda alerts <alerts@ronda.localhost>")
        String from();

        /** Connect and read timeout of one SMTP conversation. */
        @WithDefault("30s")
        Duration timeout();
    }
}
