package org.ronda.alerts.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.ronda.contracts.Alert;
import org.ronda.contracts.ArticleAlerts;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.TopicTag;

/** Real-looking alerts and subscriptions for the webhook tests. */
final class WebhookFixtures {

    static final Instant ENRICHED_AT = Instant.parse("2026-03-04T05:06:07Z");

    private WebhookFixtures() {
    }

    static String newSubscriptionId() {
        byte[] b = new byte[12];
        ThreadLocalRandom.current().nextBytes(b);
        return "sub_" + HexFormat.of().formatHex(b);
    }

    static Subscription subscription(String id, String webhookUrl, String secret) {
        Instant created = Instant.parse("2026-03-01T00:00:00Z");
        return new Subscription(Subscription.SCHEMA_VERSION, id, "a".repeat(64), "scams in Cambodia",
                List.of("scam"), List.of("KH"), List.of(), List.of(), List.of(), null,
                webhookUrl == null ? null : new Subscription.Webhook(webhookUrl, secret), null,
                "feed-key-" + id, "unsubscribe-key-" + id, created, created);
    }

    /** {@code alerts} as the match loop writes them: one record per article (story) with every decision, in first-seen order. */
    static List<ArticleAlerts> records(List<Alert> alerts) {
        Map<String, List<Alert>> byArticle = new LinkedHashMap<>();
        alerts.forEach(a -> byArticle.computeIfAbsent(a.article().articleId(), k -> new ArrayList<>()).add(a));
        List<ArticleAlerts> out = new ArrayList<>();
        for (List<Alert> same : byArticle.values()) {
            Alert first = same.get(0);
            out.add(new ArticleAlerts(ArticleAlerts.SCHEMA_VERSION, first.clusterId(), first.article(), first.enrichedAt(), first.alertedAt(),
                    same.stream().map(a -> new ArticleAlerts.Decision(a.subscriptionId(), a.revision(), a.storyArticles(), a.storyOutlets())).toList()));
        }
        return out;
    }

    /** Alert {@code n} of {@code subscriptionId}: its own story, revision 1. */
    static Alert alert(String subscriptionId, int n) {
        String cluster = "c-" + n;
        String articleId = String.format("%032x", n + 1L);
        Alert.AlertArticle article = new Alert.AlertArticle(articleId,
                "Police raid scam compound in Sihanoukville, 200 rescued", "Khmer Times", "KH",
                "https://www.khmertimeskh.com/50" + n + "/police-raid-scam-compound/", Instant.parse("2026-03-04T04:00:00Z"),
                "en", List.of(new TopicTag("scam", 4.5, List.of(new Evidence("scam compound", "title", 17, 30)))),
                List.of("KH"), "Police in Preah Sihanouk raided a compound used by an online scam ring on Tuesday.");
        return new Alert(Alert.SCHEMA_VERSION, subscriptionId + "/" + cluster, 1, Alert.Kind.NEW, subscriptionId, cluster,
                1, 1, article, ENRICHED_AT, Instant.parse("2026-03-04T05:06:08Z"));
    }
}
