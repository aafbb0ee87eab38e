package org.ronda.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicReplay;

/**
 * Poison records among good ones: each ends in the dead-letter topic of the stage that cannot take
 * it, with a reason and the coordinates of the record, and the good records before and after it are
 * indexed all the same. On the raw topic: a record that is not JSON (enrich: {@code invalid-event})
 * and an article over {@code ronda.enrich.max-article-bytes} (enrich: {@code oversized-article});
 * a 5 MB article never gets that far, the broker's 1 MB record limit refuses it to the producer. On
 * the enriched topic: an event whose {@code publishedAt} is not a date (index: {@code invalid-event})
 * and one whose {@code author}, a keyword field, is longer than Lucene's 32,766-byte term limit, so
 * Elasticsearch refuses the document ({@code document_parsing_exception}) (index: {@code mapping-rejected}).
 *
 * <p>Real: Kafka, Elasticsearch, the packaged enrich and index services as processes. Faked: nothing.
 */
class PoisonRecordsIT {

    private static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
    private static final String ELASTIC = System.getProperty("it.elastic.hosts", "127.0.0.1:19200");

    @RegisterExtension
    final ProgressWatchdog watchdog = ProgressWatchdog.fromSettings();

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonWhileTheStreamGoesOn() throws Exception {
        String run = "fault-poison-" + UUID.randomUUID().toString().substring(0, 8);
        List<RawArticle> good = FaultArticles.generate(300);
        try (FaultPipeline pipeline = new FaultPipeline(run, KAFKA, ELASTIC, ELASTIC, false)) {
            pipeline.start();
            pipeline.watch(watchdog);

            FaultArticles.produce(KAFKA, pipeline.raw(), good.subList(0, 100));
            long notJson;
            long oversized;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(KAFKA, run))) {
                notJson = send(producer, pipeline.raw(), "poison-json", "{\"schemaVersion\":1,\"articleId\":\"4f1c").offset();
                RawArticle big = FaultArticles.withText("http://127.0.0.1:1/poison/oversized", "Lorem ipsum dolor sit amet. ".repeat(25_000));
                oversized = send(producer, pipeline.raw(), big.articleId(), EventCodec.encode(big)).offset();
                RawArticle huge = FaultArticles.withText("http://127.0.0.1:1/poison/huge", "x".repeat(5 * 1024 * 1024));
                assertThatThrownBy(() -> send(producer, pipeline.raw(), huge.articleId(), EventCodec.encode(huge)))
                        .as("a 5 MB record is over the broker's limit").hasRootCauseInstanceOf(RecordTooLargeException.class);
            }
            FaultArticles.produce(KAFKA, pipeline.raw(), good.subList(100, 200));
            watchdog.until(Duration.ofSeconds(120), () -> pipeline.indexed() == 200);

            // Two enriched events made from a real one, written straight to the enriched topic.
            JsonNode template = firstEnriched(pipeline);
            ObjectNode badDate = copyAs(template, "http://127.0.0.1:1/poison/bad-date");
            ((ObjectNode) badDate.get("article")).put("publishedAt", "not-a-date");
            ObjectNode longAuthor = copyAs(template, "http://127.0.0.1:1/poison/long-author");
            ((ObjectNode) longAuthor.get("article")).put("author", "Staff ".repeat(7_000));
            long badDateAt;
            long longAuthorAt;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(KAFKA, run))) {
                badDateAt = send(producer, pipeline.enriched(), badDate.get("articleId").asText(), badDate.toString()).offset();
                longAuthorAt = send(producer, pipeline.enriched(), longAuthor.get("articleId").asText(), longAuthor.toString()).offset();
            }
            FaultArticles.produce(KAFKA, pipeline.raw(), good.subList(200, 300));

            watchdog.until(Duration.ofSeconds(120), () -> pipeline.indexed() == 300 && pipeline.drained());

            List<DeadLetter> enrichLetters = deadLetters(pipeline.enrichDeadLetters());
            assertThat(enrichLetters).extracting(DeadLetter::reason, DeadLetter::sourceTopic, DeadLetter::sourceOffset)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("invalid-event", pipeline.raw(), notJson),
                            org.assertj.core.groups.Tuple.tuple("oversized-article", pipeline.raw(), oversized));
            assertThat(enrichLetters).allSatisfy(l -> {
                assertThat(l.stage()).isEqualTo("enrich");
                assertThat(l.detail()).isNotBlank();
                assertThat(l.payload()).as("kept for a replay").isNotBlank();
            });
            assertThat(enrichLetters).filteredOn(l -> l.reason().equals("oversized-article")).singleElement()
                    .satisfies(l -> assertThat(l.detail()).contains("ronda.enrich.max-article-bytes"));

            List<DeadLetter> indexLetters = deadLetters(pipeline.indexDeadLetters());
            assertThat(indexLetters).extracting(DeadLetter::reason, DeadLetter::sourceTopic, DeadLetter::sourceOffset)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("invalid-event", pipeline.enriched(), badDateAt),
                            org.assertj.core.groups.Tuple.tuple("mapping-rejected", pipeline.enriched(), longAuthorAt));
            assertThat(indexLetters).filteredOn(l -> l.reason().equals("mapping-rejected")).singleElement().satisfies(l -> {
                assertThat(l.articleId()).isEqualTo(longAuthor.get("articleId").asText());
                // Elasticsearch refuses the whole document: a keyword term over 32,766 bytes cannot be indexed.
                assertThat(l.detail()).startsWith("document_parsing_exception").contains("[author]").doesNotContain("Preview of field");
            });

            PipelineSnapshot after = pipeline.snapshot(null);
            assertThat(after.documents().keySet()).as("every good article, no poison one")
                    .containsExactlyInAnyOrderElementsOf(good.stream().map(RawArticle::articleId).toList());
        }
    }

    private static RecordMetadata send(KafkaProducer<String, String> producer, String topic, String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }

    private static JsonNode firstEnriched(FaultPipeline pipeline) {
        List<String> values = new ArrayList<>();
        TopicReplay.readToEnd(pipeline.kafka, pipeline.enriched(), null, r -> {
            if (values.isEmpty()) {
                values.add(r.value());
            }
        });
        try {
            return EventCodec.mapper().readTree(values.get(0));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of an enriched event as another article, at {@code url}. */
    private static ObjectNode copyAs(JsonNode template, String url) {
        ObjectNode copy = template.deepCopy();
        String id = ArticleIds.of(url);
        copy.put("articleId", id);
        copy.put("eventId", UUID.randomUUID().toString());
        ObjectNode article = (ObjectNode) copy.get("article");
        article.put("articleId", id);
        article.put("url", url);
        return copy;
    }

    private static List<DeadLetter> deadLetters(String topic) {
        List<DeadLetter> letters = new ArrayList<>();
        TopicReplay.readToEnd(KAFKA, topic, null, r -> letters.add(EventCodec.decodeDeadLetter(r.value())));
        return letters;
    }
}
