package org.ronda.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Sends documents in one bulk request, with the article id as document id (so a replay overwrites,
 * never duplicates) and an external version (so a stale event never overwrites a newer one), and
 * classifies every item of the answer.
 *
 * <p>After a rollover the alias writes to a new index while older documents stay in older ones.
 * So before each request one search through the alias finds which concrete index already holds
 * each id; such documents are written to that index, and only new ids go to the alias (its write
 * index). Without it a replayed or re-enriched article would get a second document.
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
        Map<String, String> homes = locate(documents);
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (PendingDocument d : documents) {
            String target = homes.getOrDefault(d.articleId(), alias);
            // external_gte: a replay of the same event rewrites the document, an older event never replaces a newer one.
            request.operations(op -> op.index(i -> i.index(target).id(d.articleId()).version(d.version())
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
                String reason = item.error() == null ? "" : withoutValues(item.error().reason());
                rejected.add(new BulkOutcome.Rejection(d, "mapping-rejected", type + ": " + reason));
            }
        }
        return new BulkOutcome(indexed, retryable, rejected, stale);
    }

    /**
     * The concrete index of every id of {@code documents} that already has a document behind the
     * alias. One search, ids only, no source. Thrown when some shard did not answer: a missing
     * answer would send an update to the write index and duplicate the document.
     */
    Map<String, String> locate(List<PendingDocument> documents) throws IOException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(documents.stream().map(PendingDocument::articleId).toList()));
        SearchResponse<JsonData> response = client.search(s -> s.index(alias).size(ids.size())
                .source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false))
                .query(q -> q.ids(i -> i.values(ids))), JsonData.class);
        if (response.shards().failed().intValue() > 0) {
            throw new IOException("lookup of " + ids.size() + " ids in " + alias + " incomplete: "
                    + response.shards().failed() + " of " + response.shards().total() + " shards failed");
        }
        Map<String, String> homes = new HashMap<>();
        for (Hit<JsonData> hit : response.hits().hits()) {
            // Only a race with another writer could put one id in two indices; the newest index wins.
            homes.merge(hit.id(), hit.index(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return homes;
    }

    /** Longest reason kept in a dead letter. */
    static final int MAX_REASON_CHARS = 300;

    /**
     * Elasticsearch's reason without the part that quotes the refused value ("Preview of field's
     * value", "The prefix of the first immense term"), which may be article text: dead letters name
     * the field and the cause, never the content.
     */
    static String withoutValues(String reason) {
        if (reason == null) {
            return "";
        }
        String r = reason;
        for (String marker : new String[] {"Preview of field's value", "The prefix of the first immense term"}) {
            int at = r.indexOf(marker);
            if (at >= 0) {
                r = r.substring(0, at).strip();
            }
        }
        return r.length() <= MAX_REASON_CHARS ? r : r.substring(0, MAX_REASON_CHARS) + "…";
    }
}
