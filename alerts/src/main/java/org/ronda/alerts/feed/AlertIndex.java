package org.ronda.alerts.feed;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.contracts.Alert;
import org.ronda.contracts.ArticleAlerts;
import org.ronda.contracts.EventCodec;

/**
 * The alerts of every subscription for feeds, the web page and the API, in an Elasticsearch index
 * with one document per alert record (one per alerting article, decision 32), not one per alert:
 * the subscriptions it alerts in the keyword array {@code subscriptionIds}, the article once in
 * {@code record}, and each subscription's revision and story size under {@code decisions.<id>}
 * (stored, not indexed). A subscription's feed is a term query on {@code subscriptionIds}, newest
 * first, collapsed on the story so that it shows the latest revision of each story, and reads back
 * only its own decision. Document id = article id, first subscription id and number of decisions,
 * so writing a record again overwrites it, and a dead letter's narrowed record, once replayed,
 * adds a document for its one subscription that the collapse folds into the story.
 *
 * <p>The fields of the former one-document-per-alert layout stay in the mapping so that an index
 * made before decision 32 still accepts the new documents; its old documents are no longer read.
 */
@ApplicationScoped
public class AlertIndex {

    private final ElasticsearchClient client;
    private final String index;

    AlertIndex(ElasticsearchClient client, AlertsConfig config) {
        this.client = client;
        this.index = config.alertIndex();
    }

    /** Creates the index when it is missing, or adds the fields of this layout to an older one; running it again changes nothing. */
    public void install() throws IOException {
        String body;
        try (InputStream in = AlertIndex.class.getResourceAsStream("/elastic/alerts-index.json")) {
            body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (client.indices().exists(e -> e.index(index)).value()) {
            String mappings = EventCodec.mapper().readTree(body).get("mappings").toString();
            client.indices().putMapping(m -> m.index(index).withJson(new StringReader(mappings)));
            return;
        }
        try {
            client.indices().create(c -> c.index(index).withJson(new StringReader(body)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /**
     * Writes one document per record; returns how many were stored. Throws when Elasticsearch fails
     * any of them, so that the caller retries.
     */
    public int write(List<ArticleAlerts> records) throws IOException {
        if (records.isEmpty()) {
            return 0;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (ArticleAlerts r : records) {
            ObjectNode doc = EventCodec.mapper().createObjectNode();
            doc.put("articleId", r.article().articleId());
            doc.put("clusterId", r.clusterId());
            ArrayNode ids = doc.putArray("subscriptionIds");
            ObjectNode decisions = doc.putObject("decisions");
            for (ArticleAlerts.Decision d : r.decisions()) {
                ids.add(d.subscriptionId());
                decisions.putObject(d.subscriptionId()).put("revision", d.revision()).put("storyArticles", d.storyArticles())
                        .put("storyOutlets", d.storyOutlets());
            }
            doc.put("alertedAt", r.alertedAt().toString());
            ObjectNode record = doc.putObject("record");
            record.put("clusterId", r.clusterId());
            record.set("article", EventCodec.mapper().valueToTree(r.article()));
            record.put("enrichedAt", r.enrichedAt() == null ? null : r.enrichedAt().toString());
            record.put("alertedAt", r.alertedAt().toString());
            String id = r.article().articleId() + "/" + r.decisions().get(0).subscriptionId() + "/" + r.decisions().size();
            bulk.operations(op -> op.index(i -> i.index(index).id(id).document(doc)));
        }
        BulkResponse response = client.bulk(bulk.build());
        int done = 0;
        List<String> failures = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                done++;
            } else {
                failures.add(item.id() + ": " + item.error().type());
            }
        }
        if (!failures.isEmpty()) {
            throw new IOException("alert index refused " + failures.size() + " records, first " + failures.get(0));
        }
        return done;
    }

    /** The latest {@code size} alerts of a subscription, the latest revision of each story, newest first. */
    public List<Alert> latest(String subscriptionId, int size) throws IOException {
        SearchResponse<JsonNode> r = client.search(s -> s.index(index)
                .query(q -> q.term(t -> t.field("subscriptionIds").value(subscriptionId)))
                .collapse(c -> c.field("clusterId"))
                .sort(o -> o.field(f -> f.field("alertedAt").order(SortOrder.Desc)))
                .source(src -> src.filter(f -> f.includes("record", "decisions." + subscriptionId)))
                .size(size), JsonNode.class);
        List<Alert> alerts = new ArrayList<>();
        for (var hit : r.hits().hits()) {
            JsonNode source = hit.source();
            JsonNode decision = source.path("decisions").path(subscriptionId);
            if (decision.isMissingNode()) {
                continue;
            }
            ObjectNode record = (ObjectNode) source.get("record").deepCopy();
            record.put("schemaVersion", ArticleAlerts.SCHEMA_VERSION);
            record.putArray("decisions").addObject().put("subscriptionId", subscriptionId)
                    .put("revision", decision.path("revision").asInt())
                    .put("storyArticles", decision.path("storyArticles").asInt())
                    .put("storyOutlets", decision.path("storyOutlets").asInt());
            alerts.add(EventCodec.mapper().convertValue(record, ArticleAlerts.class).alerts().get(0));
        }
        return alerts;
    }

    /** Makes recent writes visible to {@link #latest} at once (tests and the demo). */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(index));
    }
}
