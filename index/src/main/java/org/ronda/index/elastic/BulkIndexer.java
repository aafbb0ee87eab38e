package org.ronda.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends documents in one bulk request, with the article id as document id (so a replay overwrites,
 * never duplicates) and an external version (so a stale event never overwrites a newer one), and
 * classifies every item of the answer.
 */
public class BulkIndexer {

    private final ElasticsearchClient client;
    private final String alias;

    public BulkIndexer(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /**
     * Indexes {@code documents}. A failure of the whole request (Elasticsearch unreachable or
     * overloaded) is thrown; failures of single items are classified in the outcome.
     */
    public BulkOutcome index(List<PendingDocument> documents) throws IOException {
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (PendingDocument d : documents) {
            // external_gte: a replay of the same event rewrites the document, an older event never replaces a newer one.
            request.operations(op -> op.index(i -> i.index(alias).id(d.articleId()).version(d.version())
                    .versionType(VersionType.ExternalGte).document(d.document())));
        }
        BulkResponse response = client.bulk(request.build());
        List<PendingDocument> indexed = new ArrayList<>();
        List<PendingDocument> retryable = new ArrayList<>();
        List<BulkOutcome.Rejection> rejected = new ArrayList<>();
        List<PendingDocument> stale = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            PendingDocument d = documents.get(i);
            int status = item.status();
            if (item.error() == null && status >= 200 && status < 300) {
                indexed.add(d);
            } else if (status == 409) {
                stale.add(d);
            } else if (status == 429 || status >= 500) {
                retryable.add(d);
            } else {
                String type = item.error() == null ? "status-" + status : item.error().type();
                String reason = item.error() == null ? "" : item.error().reason();
                rejected.add(new BulkOutcome.Rejection(d, "mapping-rejected", type + ": " + reason));
            }
        }
        return new BulkOutcome(indexed, retryable, rejected, stale);
    }
}
