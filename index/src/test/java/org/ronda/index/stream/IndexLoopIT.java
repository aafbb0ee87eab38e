package org.ronda.index.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ronda.index.stream.ItEvents.event;
import static org.ronda.index.stream.ItEvents.reenriched;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.kafka.KafkaClientProperties;

/**
 * The indexer against real Kafka and real Elasticsearch: documents land under their article id,
 * a poison record goes to the dead-letter topic with its reason, offsets are committed for both,
 * a replay creates no second document, and a stale event never overwrites a newer one.
 */
@QuarkusTest
@QuarkusTestResource(value = IsolatedNames.class, restrictToAnnotatedClass = true)
class IndexLoopIT {

    @Inject
    ElasticsearchClient elastic;

    @ConfigProperty(name = "ronda.kafka.bootstrap-servers")
    String bootstrap;

    @ConfigProperty(name = "ronda.index.topics.enriched-articles")
    String input;

    @ConfigProperty(name = "ronda.index.topics.dead-letter")
    String deadLetterTopic;

    @ConfigProperty(name = "ronda.index.alias")
    String alias;

    @ConfigProperty(name = "ronda.index.group-id")
    String groupId;

    @Test
    void indexesCommitsDeadLettersAndStaysIdempotentOnReplay() throws Exception {
        List<EnrichedArticle> events = List.of(event("a"), event("b"), event("c"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(bootstrap, "it"))) {
            for (EnrichedArticle e : events) {
                producer.send(new ProducerRecord<>(input, e.articleId(), EventCodec.encode(e))).get();
            }
            producer.send(new ProducerRecord<>(input, "poison", "{not json")).get();
        }

        // The index appears only once the loop has installed it, so the first counts may fail.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> count() == 3);
        GetResponse<JsonNode> doc = elastic.get(g -> g.index(alias).id(events.get(0).articleId()), JsonNode.class);
        assertThat(doc.source().get("topics").get(0).asText()).isEqualTo("drugs");
        assertThat(doc.source().get("tags").get(0).get("evidence").get(0).get("term").asText()).isEqualTo("methamphetamine");
        assertThat(doc.source().get("outletCountry").asText()).isEqualTo("TH");

        List<DeadLetter> dead = readAll(deadLetterTopic, 1);
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("index");
            assertThat(d.reason()).isEqualTo("invalid-event");
            assertThat(d.payload()).isEqualTo("{not json");
            assertThat(d.sourceTopic()).isEqualTo(input);
        });
        await().atMost(Duration.ofSeconds(30)).until(this::everythingCommitted);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(bootstrap, "it"))) {
            for (EnrichedArticle e : events) {
                producer.send(new ProducerRecord<>(input, e.articleId(), EventCodec.encode(e))).get();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(this::everythingCommitted);
        elastic.indices().refresh(r -> r.index(alias));
        assertThat(count()).isEqualTo(3);

        EnrichedArticle a = events.get(0);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(bootstrap, "it"))) {
            producer.send(new ProducerRecord<>(input, a.articleId(), EventCodec.encode(reenriched(a, "newer", 60)))).get();
            producer.send(new ProducerRecord<>(input, a.articleId(), EventCodec.encode(reenriched(a, "stale", -60)))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(this::everythingCommitted);
        GetResponse<JsonNode> kept = elastic.get(g -> g.index(alias).id(a.articleId()), JsonNode.class);
        assertThat(kept.source().get("rulesVersion").asText()).as("a stale event never overwrites a newer one").isEqualTo("newer");
        assertThat(count()).isEqualTo(3);
    }

    private long count() throws IOException {
        elastic.indices().refresh(r -> r.index(alias));
        return elastic.count(c -> c.index(alias)).count();
    }

    private boolean everythingCommitted() throws Exception {
        return ItEvents.everythingCommitted(bootstrap, groupId, input);
    }

    private List<DeadLetter> readAll(String topic, int expected) {
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(
                KafkaClientProperties.consumer(bootstrap, "it-reader-" + UUID.randomUUID(), "it-reader", 100))) {
            c.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(EventCodec.decodeDeadLetter(r.value()));
                }
                return out.size() >= expected;
            });
        }
        return out;
    }
}
