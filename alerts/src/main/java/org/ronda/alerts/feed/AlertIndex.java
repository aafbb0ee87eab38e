package org.ronda.alerts.feed;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.contracts.Alert;
import org.ronda.contracts.EventCodec;

/**
 * Every subscription's alerts, latest revision of each, in an Elasticsearch index: the source of the
 * Atom feeds, the list on the web page and the API. Document id = alert id, external version =
 * revision, so a replay or a late older revision never overwrites a newer one.
 */
@ApplicationScoped
public class AlertIndex {

    private final ElasticsearchClient client;
    private final String index;

    AlertIndex(ElasticsearchClient client, AlertsConfig config) {
        this.client = client;
        this.index = config.alertIndex();
    }

    /** Creates the index when it is missing; running it again changes nothing. */
    public void install() throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            return;
        }
        try (InputStream in = AlertIndex.class.getResourceAsStream("/elastic/alerts-index.json")) {
            String body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            client.indices().create(c -> c.index(index).withJson(new StringReader(body)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /**
     * Writes {@code alerts}; returns how many were stored or already there in a newer revision.
     * Throws when Elasticsearch fails any of them for another reason, so that the caller retries.
     */
    public int write(List<Alert> alerts) throws IOException {
        if (alerts.isEmpty()) {
            return 0;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (Alert a : alerts) {
            ObjectNode doc = EventCodec.mapper().createObjectNode();
            doc.put("alertId", a.alertId());
            doc.put("subscriptionId", a.subscriptionId());
            doc.put("revision", a.revision());
            doc.put("alertedAt", a.alertedAt().toString());
            doc.set("alert", EventCodec.mapper().valueToTree(a));
            bulk.operations(op -> op.index(i -> i.index(index).id(a.alertId()).version((long) a.revision())
                    .versionType(VersionType.External).document(doc)));
        }
        BulkResponse response = client.bulk(bulk.build());
        int done = 0;
        List<String> failures = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null || item.status() == 409) {
                done++;
            } else {
                failures.add(item.id() + ": " + item.error().type());
            }
        }
        if (!failures.isEmpty()) {
            throw new IOException("alert index refused " + failures.size() + " alerts, first " + failures.get(0));
        }
        return done;
    }

    /** The latest {@code size} alerts of a subscription, newest first. */
    public List<Alert> latest(String subscriptionId, int size) throws IOException {
        SearchResponse<JsonNode> r = client.search(s -> s.index(index)
                .query(q -> q.term(t -> t.field("subscriptionId").value(subscriptionId)))
                .sort(o -> o.field(f -> f.field("alertedAt").order(SortOrder.Desc)))
                .size(size), JsonNode.class);
        List<Alert> alerts = new ArrayList<>();
        r.hits().hits().forEach(h -> alerts.add(EventCodec.mapper().convertValue(h.source().get("alert"), Alert.class)));
        return alerts;
    }

    /** Makes recent writes visible to {@link #latest} at once (tests and the demo). */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(index));
    }
}
