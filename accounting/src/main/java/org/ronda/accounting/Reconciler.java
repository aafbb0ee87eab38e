package org.ronda.accounting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ronda.contracts.EventCodec;

/**
 * Reconciles the stages for a time window from what they wrote: the raw, enriched and dead-letter
 * topics, the search alias, and optionally the alerts topic and ingest's counters.
 *
 * <p>The articles of a window are those whose raw event has a Kafka timestamp in it. Their
 * downstream records are looked for from the window's start to the present, because an article
 * published just before the end may be enriched and indexed after it. Matching is by article id;
 * a dead letter whose record carried no usable id is matched by the coordinates of the record it
 * failed on. Reads only: nothing is committed, created or written.
 */
public final class Reconciler {

    /** Ids per Elasticsearch lookup: well below the 10,000-hit window of a search. */
    private static final int IDS_PER_LOOKUP = 1000;

    private final TopicReader kafka;
    private final ElasticsearchClient elastic;
    private final String alias;
    private final TopicNames topics;
    private final int maxListedIds;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param bootstrapServers Kafka bootstrap servers
     * @param elastic          client of the Elasticsearch cluster that holds {@code alias}
     * @param alias            the read alias of the article indices (document id = article id)
     * @param topics           the topics to read
     * @param maxListedIds     how many unaccounted ids (and alerted articles) a report lists per stage
     */
    public Reconciler(String bootstrapServers, ElasticsearchClient elastic, String alias, TopicNames topics, int maxListedIds, Clock clock) {
        this.kafka = new TopicReader(bootstrapServers);
        this.elastic = elastic;
        this.alias = alias;
        this.topics = topics;
        this.maxListedIds = maxListedIds;
        this.clock = clock;
    }

    /**
     * The report for {@code window}; with {@code ingestMetrics} ({@code http://host:port/q/metrics})
     * also ingest's lifetime counters. Throws {@link IllegalStateException} when Kafka does not
     * answer and {@link IOException} when Elasticsearch does not.
     */
    public ReconcileReport reconcile(Window window, Optional<URI> ingestMetrics) throws IOException {
        Instant generatedAt = clock.instant();
        List<String> notes = new ArrayList<>();
        Set<String> present = kafka.existing(topics.all());
        for (String topic : topics.all()) {
            if (!present.contains(topic)) {
                notes.add("topic " + topic + " does not exist: counted as empty");
            }
        }

        // Raw: the articles of the window, and the coordinates of each raw record for dead letters without an id.
        long[] rawRecords = {0};
        long[] unidentified = {0};
        Set<String> entered = new HashSet<>();
        Map<String, String> rawByCoordinates = new HashMap<>();
        read(present, topics.raw(), window.from(), r -> {
            if (!window.contains(r.timestamp())) {
                return;
            }
            rawRecords[0]++;
            String id = DeadLetterEntry.articleIdOf(r.value()).orElse(r.key());
            if (id == null) {
                id = TopicReader.coordinates(r.topic(), r.partition(), r.offset());
                unidentified[0]++;
            }
            entered.add(id);
            rawByCoordinates.put(TopicReader.coordinates(r.topic(), r.partition(), r.offset()), id);
        });

        Set<String> enrichedIds = new HashSet<>();
        Map<String, String> enrichedByCoordinates = new HashMap<>();
        read(present, topics.enriched(), window.from(), r -> {
            String id = DeadLetterEntry.articleIdOf(r.value()).orElse(r.key());
            if (id != null && entered.contains(id)) {
                enrichedIds.add(id);
                enrichedByCoordinates.put(TopicReader.coordinates(r.topic(), r.partition(), r.offset()), id);
            }
        });

        Map<String, Long> ingestReasons = new TreeMap<>();
        long[] ingestDead = {0};
        read(present, topics.ingestDeadLetter(), window.from(), r -> {
            if (window.contains(r.timestamp())) {
                ingestDead[0]++;
                ingestReasons.merge(DeadLetterEntry.of(r).reason(), 1L, Long::sum);
            }
        });
        Map<String, String> enrichDead = deadLetters(present, topics.enrichDeadLetter(), window, rawByCoordinates, notes);
        Map<String, String> indexDead = deadLetters(present, topics.indexDeadLetter(), window, enrichedByCoordinates, notes);

        StageAccount enrich = StageAccount.of("enrich", topics.raw(), topics.enriched(), "enriched", entered, enrichedIds, enrichDead,
                maxListedIds);
        Set<String> enteredIndex = new HashSet<>(enrichedIds);
        Set<String> indexed = indexedAmong(enteredIndex);
        StageAccount index = StageAccount.of("index", topics.enriched(), "alias " + alias, "indexed", enteredIndex, indexed, indexDead,
                maxListedIds);

        AlertsAccount alerts = topics.alertsTopic().map(t -> alerts(present, t, window, entered)).orElse(null);

        IngestCounters counters = null;
        String countersNote;
        if (ingestMetrics.isPresent()) {
            try {
                counters = scrape(ingestMetrics.get());
                countersNote = "ingest's counters count items since the ingest process started, not within the window;"
                        + " discovered = published + duplicate + dead-lettered + retry-later when each item got one outcome";
                if (!counters.balanced()) {
                    notes.add("ingest's counters do not add up: discovered " + counters.discovered() + ", outcomes " + counters.outcomes());
                }
            } catch (IOException e) {
                countersNote = "ingest metrics at " + ingestMetrics.get() + " not readable: " + e.getMessage();
                notes.add(countersNote);
            }
        } else {
            countersNote = "no ingest metrics URL given: ingest's discovered/fetched/duplicate counts live only in the ingest"
                    + " process (/q/metrics); the topics show what it published and dead-lettered";
        }
        IngestAccount ingest = new IngestAccount(rawRecords[0], entered.size(), rawRecords[0] - entered.size(), unidentified[0],
                ingestDead[0], Map.copyOf(ingestReasons), counters, countersNote);

        if (!enrich.balanced() || !index.balanced()) {
            notes.add("an unaccounted article may still be in flight when its raw event is seconds old; end the window a minute"
                    + " ago to tell stuck from slow");
        }
        return new ReconcileReport(window.from(), window.to(), generatedAt, enrich.balanced() && index.balanced(), ingest, enrich,
                index, alerts, List.copyOf(notes));
    }

    /** Article id (or failed record's coordinates' id) to the reason of its latest dead letter in {@code topic}. */
    private Map<String, String> deadLetters(Set<String> present, String topic, Window window, Map<String, String> idsByCoordinates,
            List<String> notes) {
        Map<String, String> reasons = new HashMap<>();
        long[] unmatched = {0};
        read(present, topic, window.from(), r -> {
            DeadLetterEntry e = DeadLetterEntry.of(r);
            Optional<String> id = e.sourceCoordinates().map(idsByCoordinates::get);
            if (id.isEmpty()) {
                id = e.articleId();
            }
            if (id.isPresent()) {
                reasons.put(id.get(), e.reason());
            } else {
                unmatched[0]++;
            }
        });
        if (unmatched[0] > 0) {
            notes.add(unmatched[0] + " dead letter(s) in " + topic + " name no article and no record of the window");
        }
        return reasons;
    }

    /** Which of {@code ids} have a document behind the alias (ids only, no source). */
    private Set<String> indexedAmong(Set<String> ids) throws IOException {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += IDS_PER_LOOKUP) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IDS_PER_LOOKUP));
            // A missing alias is an empty index here, not an error: nothing was indexed yet.
            SearchResponse<JsonData> response = elastic.search(s -> s.index(alias).ignoreUnavailable(true).allowNoIndices(true)
                    .size(chunk.size()).source(src -> src.fetch(false)).query(q -> q.ids(v -> v.values(chunk))), JsonData.class);
            if (response.shards().failed().intValue() > 0) {
                throw new IOException("lookup in " + alias + " incomplete: " + response.shards().failed() + " shard(s) failed");
            }
            for (Hit<JsonData> hit : response.hits().hits()) {
                found.add(hit.id());
            }
        }
        return found;
    }

    private AlertsAccount alerts(Set<String> present, String topic, Window window, Set<String> entered) {
        Map<String, Long> perArticle = new TreeMap<>();
        long[] total = {0};
        read(present, topic, window.from(), r -> {
            alertsOfRecord(r.value()).filter(c -> entered.contains(c.articleId())).ifPresent(c -> {
                total[0] += c.alerts();
                perArticle.merge(c.articleId(), (long) c.alerts(), Long::sum);
            });
        });
        Map<String, Long> listed = new LinkedHashMap<>();
        perArticle.entrySet().stream().limit(maxListedIds).forEach(e -> listed.put(e.getKey(), e.getValue()));
        return new AlertsAccount(topic, total[0], perArticle.size(), listed);
    }

    /** The alerts one record of the alerts topic holds about one article. */
    record AlertCount(String articleId, int alerts) {
    }

    /**
     * {@code article.articleId} of a record of the alerts topic and the alerts it holds: the length
     * of its {@code decisions} (one record per article, decision 32), or 1 for a record of the former
     * per-subscription format. Read loosely so that alert schema changes do not break accounting.
     */
    static Optional<AlertCount> alertsOfRecord(String json) {
        try {
            JsonNode tree = EventCodec.mapper().readTree(json);
            JsonNode id = tree.path("article").path("articleId");
            if (!id.isTextual()) {
                return Optional.empty();
            }
            JsonNode decisions = tree.path("decisions");
            return Optional.of(new AlertCount(id.asText(), decisions.isArray() ? decisions.size() : 1));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private IngestCounters scrape(URI metrics) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).header("Accept", "text/plain").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("status " + response.statusCode());
            }
            return IngestCounters.parse(metrics.toString(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void read(Set<String> present, String topic, Instant from, java.util.function.Consumer<ConsumerRecord<String, String>> sink) {
        if (present.contains(topic)) {
            kafka.read(topic, from, sink);
        }
    }
}
