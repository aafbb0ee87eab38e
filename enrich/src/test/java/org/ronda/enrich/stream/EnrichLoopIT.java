package org.ronda.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.kafka.KafkaClientProperties;

/**
 * The enricher against a real Kafka broker: a raw article comes out enriched with its topic and
 * evidence and story cluster (a copy joins the first article's cluster), a poison record goes to the enricher's dead-letter topic with its reason, and the stream
 * goes on after it.
 */
@QuarkusTest
@QuarkusTestResource(value = EnrichTopics.class, restrictToAnnotatedClass = true)
class EnrichLoopIT {

    @ConfigProperty(name = "ronda.kafka.bootstrap-servers")
    String bootstrap;

    @ConfigProperty(name = "ronda.enrich.topics.raw-articles")
    String input;

    @ConfigProperty(name = "ronda.enrich.topics.enriched-articles")
    String output;

    @ConfigProperty(name = "ronda.enrich.topics.dead-letter")
    String deadLetters;

    @Test
    void enrichesDeadLettersPoisonAndGoesOn() throws Exception {
        RawArticle before = raw("first", "Police seize 200 kg of methamphetamine in border raid",
                "Narcotics officers seized methamphetamine pills and heroin hidden in a lorry near the border checkpoint on "
                        + "Sunday night, the state police chief said. The drug syndicate had used the route for months to move "
                        + "pills from the Golden Triangle to ports in the south, and two drivers were detained.");
        RawArticle after = raw("second", "Scam syndicate lured victims with fake investment apps",
                "Police said the scam syndicate recruited mule accounts to move money from victims of the investment scam.");
        RawArticle copy = raw("copy-of-first", "200 kg of methamphetamine seized in border raid",
                before.text() + " The suspects will be charged under the Dangerous Drugs Act.");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(bootstrap, "it"))) {
            producer.send(new ProducerRecord<>(input, before.articleId(), EventCodec.encode(before))).get();
            producer.send(new ProducerRecord<>(input, "poison", "{\"schemaVersion\": 1, \"title\": 42")).get();
            producer.send(new ProducerRecord<>(input, after.articleId(), EventCodec.encode(after))).get();
            producer.send(new ProducerRecord<>(input, copy.articleId(), EventCodec.encode(copy))).get();
        }

        List<EnrichedArticle> enriched = new ArrayList<>();
        List<ConsumerRecord<String, String>> records = read(output, 3);
        records.forEach(r -> enriched.add(EventCodec.decodeEnriched(r.value())));
        // Keyed by story: both copies of the drugs story share a key, hence a partition.
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(EventCodec.decodeEnriched(r.value()).enrichment().clusterId()));
        assertThat(enriched).extracting(EnrichedArticle::articleId)
                .containsExactlyInAnyOrder(before.articleId(), after.articleId(), copy.articleId());
        EnrichedArticle drugs = enriched.stream().filter(e -> e.articleId().equals(before.articleId())).findFirst().orElseThrow();
        assertThat(drugs.article()).isEqualTo(before);
        assertThat(drugs.enrichment().topics()).extracting(t -> t.topic()).contains("drugs");
        assertThat(drugs.enrichment().topics().get(0).evidence()).isNotEmpty();
        assertThat(drugs.enrichment().rulesVersion()).isNotBlank();
        assertThat(drugs.enrichment().language()).isEqualTo("en");
        assertThat(drugs.enrichment().countries()).extracting(c -> c.id()).contains("TH", "LA", "MM");
        assertThat(drugs.enrichment().clusterId()).isEqualTo("c-" + before.articleId());
        assertThat(drugs.enrichment().firstInCluster()).isTrue();
        EnrichedArticle copied = enriched.stream().filter(e -> e.articleId().equals(copy.articleId())).findFirst().orElseThrow();
        assertThat(copied.enrichment().clusterId()).isEqualTo(drugs.enrichment().clusterId());
        assertThat(copied.enrichment().firstInCluster()).isFalse();

        List<ConsumerRecord<String, String>> dead = read(deadLetters, 1);
        DeadLetter letter = EventCodec.decodeDeadLetter(dead.get(0).value());
        assertThat(letter.stage()).isEqualTo("enrich");
        assertThat(letter.reason()).isEqualTo("invalid-event");
        assertThat(letter.sourceTopic()).isEqualTo(input);
        assertThat(letter.payload()).contains("\"title\": 42");
    }

    private List<ConsumerRecord<String, String>> read(String topic, int expected) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(
                KafkaClientProperties.consumer(bootstrap, "it-reader-" + UUID.randomUUID(), "it-reader", 100))) {
            c.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= expected;
            });
        }
        return out;
    }

    private static RawArticle raw(String slug, String title, String text) {
        String url = "http://127.0.0.1:1/kl-daily/nation/" + slug;
        Instant t = Instant.parse("2026-10-02T01:00:00Z");
        return new RawArticle(1, UUID.randomUUID().toString(), ArticleIds.of(url), t, url, "http://127.0.0.1:1/feed",
                new SourceRef("kl-daily", "KL Daily", "MY", "en", "media"), title, text, null, t, "en", t, null, null, null, false, null);
    }
}
