package org.ronda.index.stream;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.contracts.TopicTag;
import org.ronda.kafka.KafkaClientProperties;

/** Events and Kafka probes shared by the indexer's integration tests. */
final class ItEvents {

    private ItEvents() {
    }

    /** A small enriched article about a drugs seizure; its article id depends on {@code slug} only. */
    static EnrichedArticle event(String slug) {
        String url = "http://127.0.0.1:1/bangkok-herald/crime/" + slug;
        String id = ArticleIds.of(url);
        Instant t = Instant.parse("2026-10-01T03:00:00Z");
        RawArticle raw = new RawArticle(1, UUID.randomUUID().toString(), id, t, url, "http://127.0.0.1:1/feed",
                new SourceRef("bangkok-herald", "Bangkok Herald", "TH", "en", "media"),
                "Police seize methamphetamine " + slug, "Police seized methamphetamine pills near the border.",
                null, t, "en", t, null, null, null, false, null);
        TopicTag drugs = new TopicTag("drugs", 3.0, List.of(new Evidence("methamphetamine", "title", 13, 28)));
        return new EnrichedArticle(1, UUID.randomUUID().toString(), id, t, raw,
                new Enrichment("it-rules", "en", List.of(drugs), t, List.of(), List.of(), null, false));
    }

    /** {@code e} enriched again with {@code rulesVersion}, {@code secondsLater} after it (negative: a stale copy). */
    static EnrichedArticle reenriched(EnrichedArticle e, String rulesVersion, long secondsLater) {
        Enrichment old = e.enrichment();
        Enrichment next = new Enrichment(rulesVersion, old.language(), old.topics(), old.enrichedAt().plusSeconds(secondsLater),
                old.countries(), old.organisations(), old.clusterId(), old.firstInCluster());
        return new EnrichedArticle(1, UUID.randomUUID().toString(), e.articleId(), e.emittedAt(), e.article(), next);
    }

    /** Sends {@code events} keyed by article id and waits for every acknowledgement. */
    static void produce(String bootstrap, String topic, List<EnrichedArticle> events) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(bootstrap, "it"))) {
            for (EnrichedArticle e : events) {
                producer.send(new ProducerRecord<>(topic, e.articleId(), EventCodec.encode(e))).get();
            }
        }
    }

    /** Offsets committed by {@code groupId}, by partition; empty when it never committed. */
    static Map<TopicPartition, OffsetAndMetadata> committed(String bootstrap, String groupId) throws Exception {
        try (Admin admin = Admin.create(adminProperties(bootstrap))) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        }
    }

    /** True when the group's committed offset equals the end offset on every partition of {@code topic}. */
    static boolean everythingCommitted(String bootstrap, String groupId, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(bootstrap, groupId);
        try (Admin admin = Admin.create(adminProperties(bootstrap))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int i = 0; i < partitions; i++) {
                request.put(new TopicPartition(topic, i), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
            for (var e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                long done = c == null ? 0 : c.offset();
                if (done != e.getValue().offset()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Properties adminProperties(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return p;
    }
}
