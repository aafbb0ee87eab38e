package org.ronda.alerts.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.ronda.contracts.Alert;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.TopicTag;

/**
 * The JSON body of a webhook request. Written field by field rather than by serialising {@link Alert}
 * so that the public payload stays stable when the internal event gains fields:
 *
 * <pre>{@code
 * {"event":"alert.created","alertId":"sub_…/c-…","revision":1,"subscriptionId":"sub_…",
 *  "story":{"clusterId":"c-…","articles":1,"outlets":1},
 *  "article":{"title":…,"outlet":…,"outletCountry":…,"url":…,"publishedAt":…,"language":…,
 *             "topics":[{"topic":"scam","score":4.5,"evidence":[{"term":…,"field":…}]}],
 *             "countries":["KH"],"snippet":…},
 *  "alertedAt":"2026-…Z"}
 * }</pre>
 */
final class WebhookPayload {

    private WebhookPayload() {
    }

    /** The UTF-8 JSON body for {@code alert}. */
    static byte[] json(Alert alert) {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        root.put("event", WebhookSigner.event(alert));
        root.put("alertId", alert.alertId());
        root.put("revision", alert.revision());
        root.put("subscriptionId", alert.subscriptionId());
        ObjectNode story = root.putObject("story");
        story.put("clusterId", alert.clusterId());
        story.put("articles", alert.storyArticles());
        story.put("outlets", alert.storyOutlets());
        Alert.AlertArticle a = alert.article();
        ObjectNode article = root.putObject("article");
        article.put("title", a.title());
        article.put("outlet", a.outlet());
        article.put("outletCountry", a.outletCountry());
        article.put("url", a.url());
        article.put("publishedAt", instant(a.publishedAt()));
        article.put("language", a.language());
        ArrayNode topics = article.putArray("topics");
        for (TopicTag tag : a.topics()) {
            ObjectNode t = topics.addObject();
            t.put("topic", tag.topic());
            t.put("score", tag.score());
            ArrayNode evidence = t.putArray("evidence");
            for (Evidence e : tag.evidence()) {
                evidence.addObject().put("term", e.term()).put("field", e.field());
            }
        }
        ArrayNode countries = article.putArray("countries");
        a.countries().forEach(countries::add);
        article.put("snippet", a.snippet());
        root.put("alertedAt", instant(alert.alertedAt()));
        try {
            return EventCodec.mapper().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
