package org.ronda.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicReplay;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;

/**
 * The enricher killed with SIGKILL in the middle of a stream and started again: the enriched topic,
 * as read-committed consumers see it, holds exactly one event per raw article, none lost, none
 * duplicated. Real: Kafka, the packaged enrich service as a process. Faked: nothing.
 */
class EnrichCrashRecoveryIT {

    private static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
    private static final int ARTICLES = 6000;

    @Test
    void aKilledEnricherNeitherLosesNorDuplicatesEnrichedEvents() throws Exception {
        String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = new HashMap<>(Map.of(
                "ronda.kafka.bootstrap-servers", KAFKA,
                "ronda.enrich.topics.raw-articles", run + ".articles.raw",
                "ronda.enrich.topics.enriched-articles", run + ".articles.enriched",
                "ronda.enrich.topics.dead-letter", run + ".enrich.dead-letter",
                "ronda.enrich.group-id", run + "-enrich",
                "ronda.enrich.instance-id", run,
                // Small transactions (a transaction spans polls, decision 33), so that the kill lands between many commits.
                "ronda.enrich.max-poll-records", "50",
                "ronda.enrich.transaction.max-records", "50"));
        Path repo = Path.of(System.getProperty("ronda.repo", ".."));
        HttpClient http = HttpClient.newHttpClient();
        produceRawArticles(run + ".articles.raw");

        try (ServiceProcess enrich = new ServiceProcess(repo, "enrich", 28182, settings, repo.resolve("e2e/target/e2e-logs/" + run))) {
            enrich.start();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> CommittedRecords.count(KAFKA, run + ".articles.enriched") > 0);
            enrich.kill();
            long atKill = CommittedRecords.count(KAFKA, run + ".articles.enriched");
            assertThat(atKill).as("killed mid-stream").isLessThan(ARTICLES);

            enrich.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> enrich.ready(http));
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> CommittedRecords.count(KAFKA, run + ".articles.enriched") >= ARTICLES);
        }

        Map<String, Integer> perArticle = new HashMap<>();
        TopicReplay.readToEnd(KAFKA, run + ".articles.enriched", null,
                (ConsumerRecord<String, String> r) -> perArticle.merge(EventCodec.decodeEnriched(r.value()).articleId(), 1, Integer::sum));
        assertThat(perArticle).hasSize(ARTICLES);
        assertThat(perArticle.values()).containsOnly(1);
    }

    private static void produceRawArticles(String topic) throws Exception {
        List<SampleArticle> sample = SampleCorpus.load().articles();
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(KAFKA, "crash-it"))) {
            for (int i = 0; i < ARTICLES; i++) {
                SampleArticle a = sample.get(i % sample.size());
                String url = "http://127.0.0.1:1/" + a.outletId() + "/" + a.slug() + "-" + i;
                RawArticle raw = new RawArticle(1, UUID.randomUUID().toString(), ArticleIds.of(url), t, url, "http://127.0.0.1:1/feed",
                        new SourceRef(a.outletId(), a.outletId(), "MY", a.lang(), "media"), a.title(),
                        String.join("\n\n", a.paragraphs()), a.author(), a.published().toInstant(), a.lang(), t,
                        null, null, null, false, null);
                producer.send(new ProducerRecord<>(topic, raw.articleId(), EventCodec.encode(raw)));
            }
            producer.flush();
        }
    }
}
