package org.ronda.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The complete result set of one search, read page by page over a point in time with
 * {@code search_after}, so any number of rows costs the memory of one page. Not thread-safe; close
 * it to release the point in time early (it expires by itself after the keep-alive otherwise).
 */
public final class Export implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Export.class);

    private final ElasticsearchClient client;
    private final Query query;
    private final int pageSize;
    private final String keepAlive;
    private final long total;
    private final List<String> rulesVersions;
    private String pit;
    private List<ExportRow> pending;
    private List<FieldValue> after;
    private boolean exhausted;

    Export(ElasticsearchClient client, String alias, Query query, int pageSize, String keepAlive) throws IOException {
        this.client = client;
        this.query = query;
        this.pageSize = pageSize;
        this.keepAlive = keepAlive;
        this.pit = client.openPointInTime(p -> p.index(alias).keepAlive(Time.of(t -> t.time(keepAlive)))).id();
        try {
            // The first page is read now, so that a failing backend is reported before any byte is sent.
            SearchResponse<ExportRow> first = page(true);
            this.total = first.hits().total() == null ? 0 : first.hits().total().value();
            List<String> versions = new ArrayList<>();
            first.aggregations().get("rulesVersions").sterms().buckets().array()
                    .forEach(b -> versions.add(b.key().stringValue()));
            this.rulesVersions = List.copyOf(versions);
            this.pending = take(first);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Articles in the export, every copy counted. */
    public long total() {
        return total;
    }

    /** The rules versions that tagged the exported articles (at most 50, most frequent first). */
    public List<String> rulesVersions() {
        return rulesVersions;
    }

    /** The next page of rows, newest first; empty once every row has been returned. */
    public List<ExportRow> next() throws IOException {
        if (pending != null) {
            List<ExportRow> rows = pending;
            pending = null;
            return rows;
        }
        if (exhausted) {
            return List.of();
        }
        return take(page(false));
    }

    private SearchResponse<ExportRow> page(boolean first) throws IOException {
        SearchResponse<ExportRow> response = client.search(s -> {
            s.pit(p -> p.id(pit).keepAlive(Time.of(t -> t.time(keepAlive))))
                    .query(query)
                    .size(pageSize)
                    // The point in time adds _shard_doc as the tie-breaker, so search_after never skips a row.
                    .sort(so -> so.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                    .source(src -> src.filter(f -> f.includes(ExportRow.FIELDS)))
                    .trackTotalHits(t -> t.enabled(first));
            if (first) {
                s.aggregations("rulesVersions", a -> a.terms(t -> t.field("rulesVersion").size(50)));
            } else {
                s.searchAfter(after);
            }
            return s;
        }, ExportRow.class);
        if (response.pitId() != null) {
            pit = response.pitId();
        }
        return response;
    }

    private List<ExportRow> take(SearchResponse<ExportRow> response) {
        List<Hit<ExportRow>> hits = response.hits().hits();
        List<ExportRow> rows = new ArrayList<>(hits.size());
        hits.forEach(h -> rows.add(h.source()));
        if (hits.size() < pageSize) {
            exhausted = true;
        } else {
            after = hits.get(hits.size() - 1).sort();
        }
        return rows;
    }

    @Override
    public void close() {
        if (pit == null) {
            return;
        }
        String id = pit;
        pit = null;
        try {
            client.closePointInTime(c -> c.id(id));
        } catch (IOException | ElasticsearchException e) {
            LOG.debugf("closing the export's point in time failed: %s", e.getMessage());
        }
    }
}
