package org.ronda.e2e.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ronda.contracts.EventCodec;
import org.ronda.e2e.ServiceProcess;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicReplay;
import org.ronda.kafka.TopicSpec;

/**
 * Enrich, index and (optionally) alerts as packaged processes with names of their own: topics,
 * groups, alias, alert index and instance ids all start with the run id, and every topic has one
 * partition so that a run processes its input in one order, which makes story clusters and alert
 * revisions comparable between runs. HTTP ports are free ones chosen at start.
 */
final class FaultPipeline implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    final String run;
    final String kafka;
    final String elastic;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, String> subscriptionNames = new HashMap<>();
    final ServiceProcess enrich;
    final ServiceProcess index;
    final ServiceProcess alerts;

    /**
     * @param kafka           bootstrap of the broker all three use
     * @param elastic         host:port of Elasticsearch, read by the test and written by alerts
     * @param elasticForIndex host:port the indexer writes to (a proxy in the outage test)
     */
    FaultPipeline(String run, String kafka, String elastic, String elasticForIndex, boolean withAlerts) throws IOException {
        this.run = run;
        this.kafka = kafka;
        this.elastic = elastic;
        Path repo = Path.of(System.getProperty("ronda.repo", ".."));
        Path logs = repo.resolve("e2e/target/e2e-logs/" + run);
        settings.put("ronda.kafka.bootstrap-servers", kafka);
        settings.put("ronda.kafka.partitions", "1");
        settings.put("ronda.enrich.topics.raw-articles", raw());
        settings.put("ronda.enrich.topics.enriched-articles", enriched());
        settings.put("ronda.enrich.topics.dead-letter", enrichDeadLetters());
        settings.put("ronda.enrich.group-id", enrichGroup());
        settings.put("ronda.enrich.instance-id", run);
        // Small transactions, so that a kill or a restart lands between many commits.
        settings.put("ronda.enrich.max-poll-records", "50");
        settings.put("ronda.index.topics.enriched-articles", enriched());
        settings.put("ronda.index.topics.dead-letter", indexDeadLetters());
        settings.put("ronda.index.group-id", indexGroup());
        settings.put("ronda.index.alias", alias());
        settings.put("ronda.index.bulk-max-docs", "100");
        settings.put("ronda.index.retry-max-backoff", "2s");
        settings.put("ronda.alerts.topics.enriched-articles", enriched());
        settings.put("ronda.alerts.topics.subscriptions", run + ".alerts.subscriptions");
        settings.put("ronda.alerts.topics.stories", run + ".alerts.stories");
        settings.put("ronda.alerts.topics.alerts", alertsTopic());
        settings.put("ronda.alerts.topics.dead-letter", run + ".alerts.dead-letter");
        settings.put("ronda.alerts.topics.email-state", run + ".alerts.email-state");
        settings.put("ronda.alerts.instance-id", run);
        settings.put("ronda.alerts.match-group-id", matchGroup());
        settings.put("ronda.alerts.recorder-group-id", run + "-alerts-record");
        settings.put("ronda.alerts.webhook.group-id", webhookGroup());
        settings.put("ronda.alerts.email.group-id", run + "-alerts-email");
        settings.put("ronda.alerts.alert-index", run + "-alerts");
        settings.put("ronda.alerts.webhook.allow-private-addresses", "127.0.0.1/32");
        settings.put("ronda.alerts.webhook.initial-backoff", "200ms");
        settings.put("ronda.alerts.webhook.max-backoff", "2s");
        enrich = service(repo, "enrich", Map.of(), logs);
        index = service(repo, "index", Map.of("quarkus.elasticsearch.hosts", elasticForIndex), logs);
        alerts = withAlerts ? service(repo, "alerts", Map.of("quarkus.elasticsearch.hosts", elastic), logs) : null;
    }

    private ServiceProcess service(Path repo, String name, Map<String, String> own, Path logs) throws IOException {
        int port = freePort();
        Map<String, String> s = new LinkedHashMap<>(settings);
        s.putAll(own);
        if (name.equals("alerts")) {
            s.put("ronda.alerts.public-url", "http://127.0.0.1:" + port);
        }
        ServiceProcess p = new ServiceProcess(repo, name, port, s, logs);
        services.add(p);
        return p;
    }

    String raw() {
        return run + ".articles.raw";
    }

    String enriched() {
        return run + ".articles.enriched";
    }

    String enrichDeadLetters() {
        return run + ".enrich.dead-letter";
    }

    String indexDeadLetters() {
        return run + ".index.dead-letter";
    }

    String alertsTopic() {
        return run + ".alerts";
    }

    String alias() {
        return run + "-articles";
    }

    String enrichGroup() {
        return run + "-enrich";
    }

    String indexGroup() {
        return run + "-index";
    }

    String matchGroup() {
        return run + "-alerts-match";
    }

    String webhookGroup() {
        return run + "-alerts-webhook";
    }

    /** Starts every service and waits until all are ready. */
    void start() throws IOException {
        TopicCreator.ensure(kafka, List.of(new TopicSpec(raw(), 1, false)), (short) 1);
        if (alerts != null) {
            // Created before alerts starts: its subscription store reads the topic's partitions once at
            // start-up, and on a topic created a moment earlier it can find none and stop for good.
            TopicCreator.ensure(kafka, List.of(new TopicSpec(run + ".alerts.subscriptions", 1, true)), (short) 1);
        }
        for (ServiceProcess s : services) {
            s.start();
        }
        awaitReady(services.toArray(ServiceProcess[]::new));
    }

    static void awaitReady(ServiceProcess... which) {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> {
            boolean all = true;
            for (ServiceProcess s : which) {
                all &= s.ready(HTTP);
            }
            return all;
        });
    }

    /** Puts the stages' consumer groups under the watchdog. */
    void watch(ProgressWatchdog watchdog) {
        watchdog.watch(kafka, "enrich", enrichGroup(), raw(), 0);
        // The enriched and alerts topics are written in transactions: one commit marker per partition.
        watchdog.watch(kafka, "index", indexGroup(), enriched(), 1);
        if (alerts != null) {
            watchdog.watch(kafka, "alerts matching", matchGroup(), enriched(), 1);
            watchdog.watch(kafka, "alerts webhooks", webhookGroup(), alertsTopic(), 1);
        }
    }

    /**
     * Creates subscriptions through the alerts API, each with a webhook to {@code receiver}, and
     * waits until the service lists them all, before any article is written.
     */
    void subscribe(WebhookReceiver receiver, Map<String, ObjectNode> byName) throws IOException, InterruptedException {
        String key = send("POST", alerts.url("/api/keys"), null, null).get("apiKey").asText();
        for (Map.Entry<String, ObjectNode> e : byName.entrySet()) {
            ObjectNode body = e.getValue().deepCopy();
            body.put("name", e.getKey());
            body.putObject("webhook").put("url", receiver.url(e.getKey()));
            JsonNode created = send("POST", alerts.url("/api/subscriptions"), key, body.toString());
            subscriptionNames.put(created.get("id").asText(), e.getKey());
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> send("GET", alerts.url("/api/subscriptions"), key, null).size() == byName.size());
    }

    /** Documents in the alias, after a refresh; -1 while the alias does not exist. */
    long indexed() throws IOException, InterruptedException {
        send("POST", URI.create("http://" + elastic + "/" + alias() + "/_refresh"), null, null, true);
        return send("GET", URI.create("http://" + elastic + "/" + alias() + "/_count"), null, null, true).path("count").asLong(-1);
    }

    /** True when every watched stage consumed everything there is. */
    boolean drained() {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", kafka);
        p.put("request.timeout.ms", "5000");
        p.put("default.api.timeout.ms", "5000");
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            boolean done = lagZero(admin, enrichGroup(), raw(), 0) && lagZero(admin, indexGroup(), enriched(), 1);
            if (alerts != null) {
                done = done && lagZero(admin, matchGroup(), enriched(), 1) && lagZero(admin, webhookGroup(), alertsTopic(), 1);
            }
            return done;
        }
    }

    private static boolean lagZero(org.apache.kafka.clients.admin.Admin admin, String group, String topic, int tolerance) {
        return ConsumerLag.sample(admin, group, topic, tolerance).map(l -> l.lag() == 0).orElse(false);
    }

    /** What a run leaves behind, in terms that do not depend on the run (no times, no subscription ids). */
    PipelineSnapshot snapshot(WebhookReceiver receiver) throws IOException, InterruptedException {
        Map<String, String> documents = new TreeMap<>();
        String query = "{\"size\":10000,\"sort\":[\"articleId\"],\"_source\":[\"topics\",\"title\",\"language\",\"countries\","
                + "\"organisations\",\"clusterId\",\"firstInCluster\",\"outlet\",\"publishedAt\",\"rulesVersion\"]}";
        send("POST", URI.create("http://" + elastic + "/" + alias() + "/_refresh"), null, null);
        JsonNode hits = send("POST", URI.create("http://" + elastic + "/" + alias() + "/_search"), null, query).path("hits").path("hits");
        for (JsonNode h : hits) {
            documents.put(h.get("_id").asText(), h.get("_source").toString());
        }
        List<String> alertList = new ArrayList<>();
        if (alerts != null) {
            TopicReplay.readToEnd(kafka, alertsTopic(), null, r -> EventCodec.decodeArticleAlerts(r.value()).alerts().forEach(a -> {
                alertList.add(subscriptionNames.getOrDefault(a.subscriptionId(), "?" + a.subscriptionId()) + " " + a.clusterId()
                        + " #" + a.revision() + " " + a.kind() + " " + a.article().articleId() + " stories=" + a.storyArticles()
                        + " outlets=" + a.storyOutlets());
            }));
        }
        alertList.sort(null);
        TreeSet<String> deliveries = new TreeSet<>();
        if (receiver != null) {
            receiver.deliveries().forEach(d -> deliveries.add(d.key()));
        }
        return new PipelineSnapshot(documents, alertList, deliveries, receiver == null ? 0 : receiver.deliveries().size());
    }

    private static JsonNode send(String method, URI uri, String apiKey, String json) throws IOException, InterruptedException {
        return send(method, uri, apiKey, json, false);
    }

    private static JsonNode send(String method, URI uri, String apiKey, String json, boolean lenient) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300 && !lenient) {
            throw new IOException(method + " " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return EventCodec.mapper().readTree(r.body().isEmpty() ? "{}" : r.body());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess s : services) {
            s.close();
        }
    }
}
