package org.ronda.e2e.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronda.contracts.Alert;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.e2e.ServiceProcess;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicReplay;
import org.ronda.sample.Outlet;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleNewsServer;
import org.ronda.sample.SourceListWriter;

/**
 * The pipeline run once with one instance of every service (ingest, enrich, index, alerts) and once
 * with two of each, on topics of four partitions, fed by the bundled sample: the same articles are
 * indexed with the same topics and story clusters, and the same alerts are decided per subscription
 * and story. With two ingest instances every outlet is polled by exactly one of them. Then copies of
 * a story are written to every raw partition, so both enrichers and one alerts instance see them:
 * each copy joins the story first enriched by the other enricher, and the story's alert is updated
 * once per copy, never opened twice. Last, one ingest instance and the alerts instance that owns the
 * story stop: the other ingest instance takes their hosts and republishes nothing, the other alerts
 * instance reads the story back and sends the next copy as an update.
 *
 * <p>Each sample outlet is served by its own server (its own port on 127.0.0.1) and ingest shares
 * hosts by host and port ({@code ronda.ingest.partitioning.key=host-port}): with one address for
 * every outlet, host alone would give all of them to one instance. Real: Kafka, Elasticsearch, the
 * packaged services as processes. Faked: nothing (the news sites are the bundled sample).
 */
class ScaleOutIT {

    private static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
    private static final String ELASTIC = "http://" + System.getProperty("it.elastic.hosts", "127.0.0.1:19200");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int TOPIC_PARTITIONS = 4;
    private static final int POLL_TASK_PARTITIONS = 8;
    /** Subscription name to its criteria. */
    private static final Map<String, String> SUBSCRIPTIONS = Map.of(
            "drugs", "{\"name\":\"drugs\",\"topics\":[\"drugs\"]}",
            "scams", "{\"name\":\"scams\",\"topics\":[\"scam\",\"cybercrime\"]}",
            "thai", "{\"name\":\"thai\",\"languages\":[\"th\"]}");

    @TempDir
    static Path work;

    static final List<SampleNewsServer> servers = new ArrayList<>();
    static final Map<String, SampleNewsServer> serverOf = new HashMap<>();
    static List<SampleArticle> articles;
    static Path sources;

    @BeforeAll
    static void serveEachOutletOnItsOwnPort() throws IOException {
        SampleNewsServer first = SampleNewsServer.start(0);
        servers.add(first);
        articles = first.corpus().articles();
        for (Outlet outlet : first.corpus().outlets()) {
            SampleNewsServer server = serverOf.isEmpty() ? first : SampleNewsServer.start(0);
            if (server != first) {
                servers.add(server);
            }
            serverOf.put(outlet.id(), server);
        }
        sources = work.resolve("sources.tsv");
        SourceListWriter.write(sources, first.corpus().outlets(), o -> List.of(serverOf.get(o.id()).feedUrl(o)));
    }

    @AfterAll
    static void stopServers() {
        servers.forEach(SampleNewsServer::close);
    }

    @Test
    void twoInstancesOfEveryServiceEndWhereOneInstanceDoes() throws Exception {
        Result one;
        try (Pipeline p = new Pipeline(1, 28300)) {
            p.start();
            one = p.runToEnd();
        }
        try (Pipeline p = new Pipeline(2, 28320)) {
            p.start();
            Result two = p.runToEnd();

            assertThat(two.documents()).as("indexed articles with their topics and story").isEqualTo(one.documents());
            assertThat(two.stories()).as("articles per subscription and story").isEqualTo(one.stories());
            assertThat(two.alerts()).as("alerts sent").isEqualTo(one.alerts());

            String story = p.copiesOfOneStoryMeetAcrossEnrichersAndUpdateOneAlert();
            p.instancesThatLeaveHandTheirHostsAndStoriesOver(story);
        }
    }

    /** What a run ends with. */
    record Result(Map<String, String> documents, Map<String, Map<String, Set<String>>> stories, long alerts) {
    }

    /** One deployment of the four services, {@code instances} of each, on topics of its own. */
    static final class Pipeline implements AutoCloseable {

        final String run = "scale-" + UUID.randomUUID().toString().substring(0, 8);
        final int instances;
        final int basePort;
        final Map<String, String> settings = new HashMap<>();
        final List<ServiceProcess> ingest = new ArrayList<>();
        final List<ServiceProcess> enrich = new ArrayList<>();
        final List<ServiceProcess> index = new ArrayList<>();
        final List<ServiceProcess> alerts = new ArrayList<>();
        final Map<String, String> subscriptionNames = new HashMap<>();
        final Path logs;

        Pipeline(int instances, int basePort) {
            this.instances = instances;
            this.basePort = basePort;
            this.logs = Path.of(System.getProperty("ronda.repo", "..")).resolve("e2e/target/e2e-logs/" + run);
            settings.putAll(Map.ofEntries(
                    Map.entry("ronda.kafka.bootstrap-servers", KAFKA),
                    Map.entry("ronda.kafka.partitions", Integer.toString(TOPIC_PARTITIONS)),
                    Map.entry("quarkus.elasticsearch.hosts", ELASTIC.substring("http://".length())),
                    Map.entry("ronda.ingest.sources-file", sources.toString()),
                    Map.entry("ronda.ingest.scheduler-enabled", "false"),
                    Map.entry("ronda.ingest.fetch.allow-private-addresses", "127.0.0.1/32"),
                    Map.entry("ronda.ingest.fetch.min-interval-per-host", "0s"),
                    Map.entry("ronda.ingest.partitioning.key", "host-port"),
                    Map.entry("ronda.ingest.partitioning.partitions", Integer.toString(POLL_TASK_PARTITIONS)),
                    Map.entry("ronda.ingest.topics.raw-articles", run + ".articles.raw"),
                    Map.entry("ronda.ingest.topics.seen-articles", run + ".ingest.seen"),
                    Map.entry("ronda.ingest.topics.dead-letter", run + ".ingest.dead-letter"),
                    Map.entry("ronda.ingest.topics.poll-tasks", run + ".ingest.poll-tasks"),
                    Map.entry("ronda.enrich.topics.raw-articles", run + ".articles.raw"),
                    Map.entry("ronda.enrich.topics.enriched-articles", run + ".articles.enriched"),
                    Map.entry("ronda.enrich.topics.dead-letter", run + ".enrich.dead-letter"),
                    Map.entry("ronda.enrich.group-id", run + "-enrich"),
                    Map.entry("ronda.index.topics.enriched-articles", run + ".articles.enriched"),
                    Map.entry("ronda.index.topics.dead-letter", run + ".index.dead-letter"),
                    Map.entry("ronda.index.group-id", run + "-index"),
                    Map.entry("ronda.index.alias", run + "-articles"),
                    Map.entry("ronda.alerts.topics.enriched-articles", run + ".articles.enriched"),
                    Map.entry("ronda.alerts.topics.subscriptions", run + ".alerts.subscriptions"),
                    Map.entry("ronda.alerts.topics.stories", run + ".alerts.stories"),
                    Map.entry("ronda.alerts.topics.alerts", run + ".alerts"),
                    Map.entry("ronda.alerts.topics.dead-letter", run + ".alerts.dead-letter"),
                    Map.entry("ronda.alerts.topics.email-state", run + ".alerts.email-state"),
                    Map.entry("ronda.alerts.match-group-id", run + "-alerts-match"),
                    Map.entry("ronda.alerts.recorder-group-id", run + "-alerts-record"),
                    Map.entry("ronda.alerts.webhook.group-id", run + "-alerts-webhook"),
                    Map.entry("ronda.alerts.email.group-id", run + "-alerts-email"),
                    Map.entry("ronda.alerts.alert-index", run + "-alerts"),
                    Map.entry("ronda.alerts.public-url", "http://127.0.0.1:" + basePort)));
        }

        void start() throws Exception {
            // All at once: on two cores the start-ups are what takes time.
            for (int i = 0; i < instances; i++) {
                alerts.add(process("alerts", i, 0, Map.of("ronda.alerts.instance-id", run + "-a" + i)));
                enrich.add(process("enrich", i, 4, Map.of("ronda.enrich.instance-id", run + "-e" + i)));
                index.add(process("index", i, 8, Map.of()));
                ingest.add(process("ingest", i, 12, Map.of()));
            }
            List<ServiceProcess> all = new ArrayList<>(alerts);
            all.addAll(enrich);
            all.addAll(index);
            all.addAll(ingest);
            awaitReady(all);
            // Subscriptions before any article: an article alerts only subscriptions older than it.
            subscribe();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> alerts.stream()
                    .allMatch(a -> readiness(a).at("/checks").findValue("subscriptionsMatched").asInt() == SUBSCRIPTIONS.size()));
            // Every poll-task partition owned by exactly one ingest instance before anything is polled.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                List<Integer> owned = new ArrayList<>();
                for (ServiceProcess s : ingest) {
                    JsonNode partitions = get(s.url("/ingest/assignment")).get("partitions");
                    if (partitions.isEmpty()) {
                        return false;
                    }
                    partitions.forEach(p -> owned.add(p.asInt()));
                }
                return owned.size() == POLL_TASK_PARTITIONS && new HashSet<>(owned).size() == POLL_TASK_PARTITIONS;
            });
        }

        Result runToEnd() throws Exception {
            List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
            for (ServiceProcess s : ingest) {
                polls.add(HTTP.sendAsync(HttpRequest.newBuilder(s.url("/ingest/poll")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            int published = 0;
            for (CompletableFuture<HttpResponse<String>> poll : polls) {
                JsonNode report = EventCodec.mapper().readTree(poll.get().body());
                assertThat(report.get("feedErrors")).isEmpty();
                published += report.at("/itemOutcomes/PUBLISHED").asInt();
            }
            assertThat(published).as("articles published by all ingest instances together").isEqualTo(articles.size());
            try (var c = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(
                    KafkaClientProperties.consumer(KAFKA, run + "-check", "scale-it", 1))) {
                for (String topic : List.of(run + ".articles.raw", run + ".articles.enriched", run + ".alerts.stories")) {
                    assertThat(c.partitionsFor(topic, Duration.ofSeconds(30))).as("partitions of %s", topic).hasSize(TOPIC_PARTITIONS);
                }
            }
            assertEachOutletPolledByOneInstance();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> count() == articles.size());
            AtomicLong previous = new AtomicLong(-1);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                long n = alertsSent().size();
                return n > 0 && n == previous.getAndSet(n);
            });
            assertEveryStoryAlertedOnceThenUpdatedInOrder();
            return new Result(documents(), stories(), alertsSent().size());
        }

        /** Returns the alert id of the drugs subscription for the copied story. */
        String copiesOfOneStoryMeetAcrossEnrichersAndUpdateOneAlert() throws Exception {
            SampleArticle original = articles.stream().filter(a -> a.topics().contains("drugs")).findFirst().orElseThrow();
            String originalId = ArticleIds.of(serverOf.get(original.outletId()).articleUrl(original));
            String cluster = documents().get(originalId).split("\\|")[1];
            Map<String, Long> enrichedBefore = enrichedPerInstance();
            List<String> copies = new ArrayList<>();
            Instant now = Instant.now();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(KAFKA, "scale-it"))) {
                for (int p = 0; p < TOPIC_PARTITIONS; p++) {
                    String url = "http://127.0.0.1:1/wire/" + original.slug() + "-" + p;
                    RawArticle copy = new RawArticle(1, UUID.randomUUID().toString(), ArticleIds.of(url), now, url,
                            "http://127.0.0.1:1/wire/feed", new SourceRef("wire-" + p, "Wire " + p, "MY", original.lang(), "media"),
                            original.title(), String.join("\n\n", original.paragraphs()) + "\n\nThis report was carried by a wire service.",
                            null, original.published().toInstant(), original.lang(), now, null, null, null, false, null);
                    copies.add(copy.articleId());
                    // One copy on every raw partition, so both enrichers take some.
                    producer.send(new ProducerRecord<>(run + ".articles.raw", p, copy.articleId(), EventCodec.encode(copy))).get();
                }
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count() == articles.size() + TOPIC_PARTITIONS);
            Map<String, String> docs = documents();
            for (String copy : copies) {
                assertThat(docs.get(copy)).as("copy %s in the story of %s", copy, originalId).endsWith("|" + cluster);
            }
            Map<String, Long> enrichedAfter = enrichedPerInstance();
            enrichedAfter.forEach((instance, n) -> assertThat(n - enrichedBefore.getOrDefault(instance, 0L))
                    .as("copies enriched by %s, which shows that both enrichers took copies", instance).isPositive());

            String drugs = subscriptionNames.entrySet().stream().filter(e -> e.getValue().equals("drugs")).findFirst().orElseThrow().getKey();
            String alertId = drugs + "/" + cluster;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> alertsSent().stream().filter(a -> a.alertId().equals(alertId)).count() == 1 + TOPIC_PARTITIONS);
            assertEveryStoryAlertedOnceThenUpdatedInOrder();
            assertThat(stories().get("drugs").get(cluster)).containsExactlyInAnyOrderElementsOf(
                    new TreeSet<>(List.of(originalId, copies.get(0), copies.get(1), copies.get(2), copies.get(3))));
            return alertId;
        }

        /**
         * One ingest instance stops: the other takes its hosts, reads its seen markers and publishes
         * nothing again. The alerts instance that decided the story stops: the other reads the story
         * records back and sends the next copy as an update of the same alert, not as a new one.
         */
        void instancesThatLeaveHandTheirHostsAndStoriesOver(String alertId) throws Exception {
            ingest.get(0).close();
            ServiceProcess remaining = ingest.get(1);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> get(remaining.url("/ingest/assignment")).get("partitions").size() == POLL_TASK_PARTITIONS);
            JsonNode report = post(remaining.url("/ingest/poll"), "");
            assertThat(report.at("/itemOutcomes/PUBLISHED").asInt()).as("republished after the hand-over").isZero();
            assertThat(report.at("/itemOutcomes/DUPLICATE").asInt()).isEqualTo(articles.size());

            String cluster = alertId.substring(alertId.indexOf('/') + 1);
            int partition = org.apache.kafka.common.utils.Utils.toPositive(
                    org.apache.kafka.common.utils.Utils.murmur2(cluster.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % TOPIC_PARTITIONS;
            int owner = matcherOwning(partition);
            alerts.get(owner).close();
            SampleArticle original = articles.stream().filter(a -> a.topics().contains("drugs")).findFirst().orElseThrow();
            Instant now = Instant.now();
            String url = "http://127.0.0.1:1/wire/" + original.slug() + "-late";
            RawArticle late = new RawArticle(1, UUID.randomUUID().toString(), ArticleIds.of(url), now, url,
                    "http://127.0.0.1:1/wire/feed", new SourceRef("wire-late", "Wire late", "MY", original.lang(), "media"),
                    original.title(), String.join("\n\n", original.paragraphs()) + "\n\nThis report was carried late by a wire service.",
                    null, original.published().toInstant(), original.lang(), now, null, null, null, false, null);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(KAFKA, "scale-it"))) {
                producer.send(new ProducerRecord<>(run + ".articles.raw", late.articleId(), EventCodec.encode(late))).get();
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> alertsSent().stream().filter(a -> a.alertId().equals(alertId)).count() == 2 + TOPIC_PARTITIONS);
            assertEveryStoryAlertedOnceThenUpdatedInOrder();
        }

        /** The index of the alerts instance whose matcher owns {@code partition} of the enriched topic. */
        private int matcherOwning(int partition) throws Exception {
            try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", KAFKA))) {
                var group = admin.describeConsumerGroups(List.of(run + "-alerts-match")).all().get().get(run + "-alerts-match");
                for (var member : group.members()) {
                    boolean owns = member.assignment().topicPartitions().stream()
                            .anyMatch(tp -> tp.topic().equals(run + ".articles.enriched") && tp.partition() == partition);
                    if (owns) {
                        return member.clientId().contains(run + "-a0") ? 0 : 1;
                    }
                }
            }
            throw new IllegalStateException("no matcher owns partition " + partition);
        }

        private void assertEachOutletPolledByOneInstance() throws IOException, InterruptedException {
            Set<String> outletHosts = new TreeSet<>();
            serverOf.values().forEach(s -> outletHosts.add(URI.create(s.baseUrl()).getAuthority()));
            Map<String, Integer> pollers = new TreeMap<>();
            for (ServiceProcess s : ingest) {
                JsonNode polled = get(s.url("/ingest/assignment")).get("polledHosts");
                if (instances > 1) {
                    assertThat(polled).as("hosts polled by %s", s.url("/")).isNotEmpty();
                }
                polled.forEach(h -> pollers.merge(h.get("key").asText(), 1, Integer::sum));
            }
            assertThat(pollers.keySet()).isEqualTo(outletHosts);
            assertThat(pollers.values()).as("ingest instances that polled each host").containsOnly(1);
        }

        private void assertEveryStoryAlertedOnceThenUpdatedInOrder() {
            Map<String, List<Alert>> byStory = new LinkedHashMap<>();
            alertsSent().forEach(a -> byStory.computeIfAbsent(a.alertId(), k -> new ArrayList<>()).add(a));
            byStory.forEach((id, sent) -> {
                assertThat(sent).extracting(Alert::revision).as("revisions of %s", id)
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, sent.size()).boxed().toList());
                assertThat(sent).filteredOn(a -> a.kind() == Alert.Kind.NEW).as("new alerts for %s", id).hasSize(1);
            });
        }

        private void subscribe() throws IOException, InterruptedException {
            String key = post(alerts.get(0).url("/api/keys"), "").get("apiKey").asText();
            for (Map.Entry<String, String> s : SUBSCRIPTIONS.entrySet()) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(alerts.get(0).url("/api/subscriptions"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(s.getValue())).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                subscriptionNames.put(EventCodec.mapper().readTree(r.body()).get("id").asText(), s.getKey());
            }
        }

        /** Article id to "topics|cluster id", from the alias. */
        private Map<String, String> documents() throws IOException, InterruptedException {
            String alias = ELASTIC + "/" + run + "-articles";
            post(URI.create(alias + "/_refresh"), "");
            JsonNode hits = post(URI.create(alias + "/_search"), "{\"size\":1000,\"_source\":[\"topics\",\"clusterId\"]}").at("/hits/hits");
            Map<String, String> docs = new TreeMap<>();
            for (JsonNode hit : hits) {
                Set<String> topics = new TreeSet<>();
                hit.at("/_source/topics").forEach(t -> topics.add(t.asText()));
                docs.put(hit.get("_id").asText(), String.join(",", topics) + "|" + hit.at("/_source/clusterId").asText());
            }
            return docs;
        }

        /** Subscription name to story cluster to the article ids counted in it, from the compacted stories topic (one record per article). */
        private Map<String, Map<String, Set<String>>> stories() {
            Map<String, JsonNode> latest = new HashMap<>();
            TopicReplay.readToEnd(KAFKA, run + ".alerts.stories", null, r -> {
                try {
                    latest.put(r.key(), EventCodec.mapper().readTree(r.value()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // One record per article with the subscriptions it counted for (decision 32).
            Map<String, Map<String, Set<String>>> stories = new TreeMap<>();
            latest.values().forEach(s -> s.get("decisions").forEach(d -> stories
                    .computeIfAbsent(subscriptionNames.get(d.get("subscriptionId").asText()), k -> new TreeMap<>())
                    .computeIfAbsent(s.get("clusterId").asText(), k -> new TreeSet<>()).add(s.get("articleId").asText())));
            return stories;
        }

        private List<Alert> alertsSent() {
            List<Alert> sent = new ArrayList<>();
            TopicReplay.readToEnd(KAFKA, run + ".alerts", null, r -> sent.addAll(EventCodec.decodeArticleAlerts(r.value()).alerts()));
            return sent;
        }

        private long count() throws IOException, InterruptedException {
            post(URI.create(ELASTIC + "/" + run + "-articles/_refresh"), "");
            return get(URI.create(ELASTIC + "/" + run + "-articles/_count")).path("count").asLong(-1);
        }

        /** Raw articles each enrich instance enriched since it started, from its metrics. */
        private Map<String, Long> enrichedPerInstance() throws IOException, InterruptedException {
            Map<String, Long> counts = new HashMap<>();
            for (ServiceProcess s : enrich) {
                String metrics = HTTP.send(HttpRequest.newBuilder(s.url("/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                double n = metrics.lines().filter(l -> l.startsWith("ronda_enrich_records_total{") && l.contains("outcome=\"enriched\""))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
                counts.put(s.url("/").toString(), (long) n);
            }
            return counts;
        }

        private ServiceProcess process(String name, int i, int portOffset, Map<String, String> own) throws IOException {
            Map<String, String> s = new HashMap<>(settings);
            s.putAll(own);
            ServiceProcess p = new ServiceProcess(Path.of(System.getProperty("ronda.repo", "..")), name, name + "-" + i,
                    basePort + portOffset + i, s, logs);
            p.start();
            return p;
        }

        private static void awaitReady(List<ServiceProcess> services) {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .until(() -> services.stream().allMatch(s -> s.ready(HTTP)));
        }

        private static JsonNode readiness(ServiceProcess s) {
            try {
                return get(s.url("/q/health/ready"));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            List<ServiceProcess> all = new ArrayList<>(ingest);
            all.addAll(enrich);
            all.addAll(index);
            all.addAll(alerts);
            for (ServiceProcess s : all) {
                s.close();
            }
        }
    }

    private static JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        return EventCodec.mapper().readTree(r.body());
    }

    private static JsonNode post(URI uri, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException("POST " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return EventCodec.mapper().readTree(r.body());
    }
}
