package org.ronda.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.e2e.ServiceProcess;
import org.ronda.index.stream.TcpProxy;
import org.ronda.kafka.TopicReplay;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;

/**
 * Issue 7's faults on the real engines, each compared with an undisturbed run of the same input:
 * Elasticsearch unreachable for 30 s, enrich and index killed with SIGKILL, the Kafka broker
 * restarted, each in the middle of the stream. After each, the index (ids and every field that does
 * not depend on the time of the run), the alerts on the alerts topic (subscription, story, revision,
 * article; no loss, no duplicate) and the webhook deliveries must equal the undisturbed run's.
 *
 * <p>Real: Kafka (the shared engine; the broker restart runs a broker of its own, see
 * {@link PrivateBroker}), Elasticsearch, the packaged enrich, index and alerts services as processes,
 * webhooks over HTTP to a receiver on 127.0.0.1. Faked: the Elasticsearch outage is a {@link TcpProxy}
 * that refuses and cuts connections (decision 28). Input: {@value #ARTICLES} copies of the bundled
 * sample articles, written straight to the raw topic (ingest is not under test here).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFaultIT {

    private static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
    private static final String ELASTIC = System.getProperty("it.elastic.hosts", "127.0.0.1:19200");
    private static final int ARTICLES = 900;
    private static final List<RawArticle> INPUT = FaultArticles.generate(ARTICLES);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** Indexed documents at which a fault strikes: far enough in that work is in flight in every stage. */
    private static final int MID_STREAM = ARTICLES / 6;

    private static Map<String, ObjectNode> subscriptions;
    private static PipelineSnapshot reference;

    @RegisterExtension
    final ProgressWatchdog watchdog = ProgressWatchdog.fromSettings();

    /** The undisturbed run every fault run is compared with. */
    @BeforeAll
    static void undisturbedRun() throws Exception {
        subscriptions = subscriptions();
        long t0 = System.nanoTime();
        try (WebhookReceiver receiver = new WebhookReceiver();
                FaultPipeline pipeline = new FaultPipeline(runId("ref"), KAFKA, ELASTIC, ELASTIC, true)) {
            pipeline.start();
            pipeline.subscribe(receiver, subscriptions);
            FaultArticles.produce(KAFKA, pipeline.raw(), INPUT);
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> pipeline.indexed() == ARTICLES && pipeline.drained());
            reference = pipeline.snapshot(receiver);
        }
        assertThat(reference.documents()).hasSize(ARTICLES);
        assertThat(reference.alerts()).as("the subscriptions match part of the sample").isNotEmpty();
        assertThat(reference.deliveries()).isNotEmpty();
        System.out.printf("undisturbed run: %d documents, %d alerts, %d webhook deliveries, %d s%n", reference.documents().size(),
                reference.alerts().size(), reference.deliveries().size(), Duration.ofNanos(System.nanoTime() - t0).toSeconds());
    }

    @Test
    @Order(1)
    void elasticsearchUnreachableFor30sLosesAndDuplicatesNothing() throws Exception {
        try (TcpProxy proxy = new TcpProxy(ELASTIC); WebhookReceiver receiver = new WebhookReceiver()) {
            proxy.on();
            try (FaultPipeline pipeline = new FaultPipeline(runId("es"), KAFKA, ELASTIC, "127.0.0.1:" + proxy.port(), true)) {
                start(pipeline, receiver);
                FaultArticles.produce(KAFKA, pipeline.raw(), INPUT.subList(0, ARTICLES / 2));
                watchdog.until(Duration.ofSeconds(120), () -> pipeline.indexed() > 0);

                try (ProgressWatchdog.Outage outage = watchdog.outage("Elasticsearch unreachable")) {
                    proxy.off();
                    Instant off = Instant.now();
                    FaultArticles.produce(KAFKA, pipeline.raw(), INPUT.subList(ARTICLES / 2, ARTICLES));
                    await().atMost(Duration.ofSeconds(20)).until(() -> readiness(pipeline.index) == 503);
                    long atCut = pipeline.indexed();
                    assertThat(atCut).as("cut in the middle of the stream").isLessThan(ARTICLES);
                    // The rest of the 30 s: the indexer stays not ready and nothing more reaches the index.
                    Duration rest = OUTAGE.minus(Duration.between(off, Instant.now()));
                    await().during(rest).atMost(rest.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                            .until(() -> readiness(pipeline.index) == 503 && pipeline.indexed() == atCut);
                    proxy.on();
                }
                watchdog.until(Duration.ofSeconds(180), () -> pipeline.indexed() == ARTICLES && pipeline.drained());
                pipeline.snapshot(receiver).assertSameAs(reference);
            }
        }
    }

    @Test
    @Order(2)
    void enrichAndIndexKilledMidStreamLeaveWhatAnUndisturbedRunLeaves() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                FaultPipeline pipeline = new FaultPipeline(runId("kill"), KAFKA, ELASTIC, ELASTIC, true)) {
            start(pipeline, receiver);
            FaultArticles.produce(KAFKA, pipeline.raw(), INPUT);
            watchdog.until(Duration.ofSeconds(120), () -> pipeline.indexed() >= MID_STREAM);

            try (ProgressWatchdog.Outage outage = watchdog.outage("enrich and index killed")) {
                pipeline.enrich.kill();
                pipeline.index.kill();
                long enriched = committedRecords(pipeline.kafka, pipeline.enriched());
                long indexed = pipeline.indexed();
                System.out.printf("killed with %d enriched and %d indexed of %d%n", enriched, indexed, ARTICLES);
                assertThat(enriched).as("enrich killed mid-stream").isLessThan(ARTICLES);
                assertThat(indexed).as("index killed mid-stream").isLessThan(ARTICLES);
                pipeline.enrich.start();
                pipeline.index.start();
                FaultPipeline.awaitReady(pipeline.enrich, pipeline.index);
            }
            watchdog.until(Duration.ofSeconds(180), () -> pipeline.indexed() == ARTICLES && pipeline.drained());
            pipeline.snapshot(receiver).assertSameAs(reference);
        }
    }

    @Test
    @Order(3)
    void aBrokerRestartMidStreamLeavesWhatAnUndisturbedRunLeaves() throws Exception {
        String run = runId("broker");
        Path dir = Path.of(System.getProperty("ronda.repo", "..")).resolve("e2e/target/fault-broker/" + run);
        try (PrivateBroker broker = new PrivateBroker(dir); WebhookReceiver receiver = new WebhookReceiver()) {
            broker.start();
            try (FaultPipeline pipeline = new FaultPipeline(run, broker.bootstrap(), ELASTIC, ELASTIC, true)) {
                start(pipeline, receiver);
                FaultArticles.produce(broker.bootstrap(), pipeline.raw(), INPUT);
                watchdog.until(Duration.ofSeconds(120), () -> pipeline.indexed() >= MID_STREAM);

                try (ProgressWatchdog.Outage outage = watchdog.outage("broker restart")) {
                    long t0 = System.nanoTime();
                    broker.stop();
                    long indexed = pipeline.indexed();
                    broker.start();
                    System.out.printf("broker restarted in %d ms with %d of %d indexed%n",
                            Duration.ofNanos(System.nanoTime() - t0).toMillis(), indexed, ARTICLES);
                    assertThat(indexed).as("restarted mid-stream").isLessThan(ARTICLES);
                }
                watchdog.until(Duration.ofSeconds(180), () -> pipeline.indexed() == ARTICLES && pipeline.drained());
                pipeline.snapshot(receiver).assertSameAs(reference);
            }
        }
    }

    private void start(FaultPipeline pipeline, WebhookReceiver receiver) throws IOException, InterruptedException {
        pipeline.start();
        pipeline.subscribe(receiver, subscriptions);
        pipeline.watch(watchdog);
    }

    /** Two subscriptions on the sample's commonest topics and one on its commonest language other than English. */
    private static Map<String, ObjectNode> subscriptions() {
        List<SampleArticle> sample = SampleCorpus.load().articles();
        List<String> topics = commonest(sample.stream().flatMap(a -> a.topics().stream()).toList(), 2);
        String lang = commonest(sample.stream().map(SampleArticle::lang).filter(l -> !l.equals("en")).toList(), 1).get(0);
        Map<String, ObjectNode> subs = new LinkedHashMap<>();
        for (String t : topics) {
            ObjectNode n = EventCodec.mapper().createObjectNode();
            n.putArray("topics").add(t);
            subs.put("topic-" + t, n);
        }
        ObjectNode n = EventCodec.mapper().createObjectNode();
        n.putArray("languages").add(lang);
        subs.put("lang-" + lang, n);
        return subs;
    }

    private static List<String> commonest(List<String> values, int n) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    private static String runId(String what) {
        return "fault-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long committedRecords(String kafka, String topic) {
        AtomicLong n = new AtomicLong();
        TopicReplay.readToEnd(kafka, topic, null, r -> n.incrementAndGet());
        return n.get();
    }

    private static int readiness(ServiceProcess service) {
        try {
            return FaultPipeline.HTTP.send(HttpRequest.newBuilder(service.url("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
