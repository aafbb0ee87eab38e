package org.ronda.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.ronda.contracts.EventCodec;

/** The few Elasticsearch calls the benchmark makes, as plain HTTP with {@code java.net.http}. */
final class Elastic {

    private static final ObjectMapper JSON = EventCodec.mapper();

    private final String base;
    private final HttpClient http;

    /** @param base e.g. {@code http://127.0.0.1:19200} */
    Elastic(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** Documents searchable now in {@code index} (no refresh forced), or -1 if it does not exist yet. */
    long count(String index) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/" + index + "/_count", null);
        return r.statusCode() == 200 ? JSON.readTree(r.body()).path("count").asLong(-1) : -1;
    }

    /** Which of {@code ids} are searchable now in {@code index}. */
    Set<String> searchable(String index, Collection<String> ids) throws IOException, InterruptedException {
        ObjectNode q = JSON.createObjectNode();
        q.put("size", ids.size());
        q.put("_source", false);
        ArrayNode values = q.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        HttpResponse<String> r = send("POST", "/" + index + "/_search", q.toString());
        Set<String> found = new HashSet<>();
        if (r.statusCode() == 200) {
            JSON.readTree(r.body()).path("hits").path("hits").forEach(h -> found.add(h.path("_id").asText()));
        }
        return found;
    }

    /** A JSON answer of a GET. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", path, null);
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A JSON answer of a request with a JSON body; fails on any status of 300 or more. */
    JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, body);
        if (r.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return JSON.readTree(r.body());
    }

    /**
     * Deletes every index whose name matches {@code pattern}, one by one by name: wildcard deletes
     * are refused by default ({@code action.destructive_requires_name}).
     */
    void deleteMatching(String pattern) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/_cat/indices/" + pattern + "?h=index&format=json&expand_wildcards=all", null);
        if (r.statusCode() != 200) {
            return;
        }
        for (JsonNode row : JSON.readTree(r.body())) {
            send("DELETE", "/" + row.path("index").asText(), null);
        }
    }

    /**
     * Writes every document of {@code index} to {@code file} as {@code _bulk} lines (action, source),
     * read with a point in time and {@code search_after}.
     *
     * @return the number of documents written
     */
    long exportBulkLines(String index, Path file) throws IOException, InterruptedException {
        String pit = call("POST", "/" + index + "/_pit?keep_alive=2m", null).path("id").asText();
        long written = 0;
        JsonNode after = null;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (true) {
                ObjectNode q = JSON.createObjectNode();
                q.put("size", 1000);
                q.putObject("pit").put("id", pit).put("keep_alive", "2m");
                q.putArray("sort").addObject().put("_shard_doc", "asc");
                if (after != null) {
                    q.set("search_after", after);
                }
                JsonNode hits = call("POST", "/_search", q.toString()).path("hits").path("hits");
                if (hits.isEmpty()) {
                    break;
                }
                for (JsonNode hit : hits) {
                    out.write("{\"index\":{\"_id\":" + JSON.writeValueAsString(hit.path("_id").asText()) + "}}\n");
                    out.write(JSON.writeValueAsString(hit.path("_source")));
                    out.write('\n');
                    written++;
                }
                after = hits.get(hits.size() - 1).path("sort");
            }
        } finally {
            send("DELETE", "/_pit", "{\"id\":" + JSON.writeValueAsString(pit) + "}");
        }
        return written;
    }

    /**
     * Creates {@code target} with the mappings and analysis settings of the first index behind
     * {@code alias}, one shard, no replica, 1 s refresh: what the indexer's template gives.
     */
    void createLike(String target, String alias) throws IOException, InterruptedException {
        JsonNode mappings = get("/" + alias + "/_mapping");
        Iterator<String> names = mappings.fieldNames();
        String source = names.next();
        JsonNode settings = get("/" + source + "/_settings").path(source).path("settings").path("index");
        ObjectNode body = JSON.createObjectNode();
        ObjectNode index = body.putObject("settings").putObject("index");
        index.put("number_of_shards", 1).put("number_of_replicas", 0).put("refresh_interval", "1s");
        if (settings.has("analysis")) {
            index.set("analysis", settings.get("analysis"));
        }
        body.set("mappings", mappings.path(source).path("mappings"));
        call("PUT", "/" + target, body.toString());
    }

    /** Sends one {@code _bulk} body; fails if any item failed. */
    void bulk(String index, String ndjson) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/" + index + "/_bulk"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.body().startsWith("{\"errors\":true") || r.body().contains("\"errors\":true")) {
            throw new IOException("_bulk into " + index + " failed: " + r.statusCode() + " " + abbreviate(r.body()));
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }
}
