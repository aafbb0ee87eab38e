package org.ronda.accounting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.elasticsearch.client.RestClient;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/** The real engines started by ./ronda, unique names per test, and small events. */
public final class ItEngines {

    public static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
    public static final String ELASTIC = "http://" + System.getProperty("it.elastic.hosts", "127.0.0.1:19200");

    private ItEngines() {
    }

    /** A prefix no other run uses: {@code it-xxxxxxxx-}. */
    public static String uniquePrefix() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** Creates {@code topics} with one partition each. */
    public static void createTopics(List<String> topics) {
        TopicCreator.ensure(KAFKA, topics.stream().map(t -> new TopicSpec(t, 1, false)).toList(), (short) 1);
    }

    /** An Elasticsearch client on the local engine; close the returned RestClient. */
    public static RestClient restClient() {
        return RestClient.builder(HttpHost.create(ELASTIC)).build();
    }

    public static ElasticsearchClient client(RestClient rest) {
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    /** Sends one record with an explicit timestamp and waits for the acknowledgement. */
    public static void send(String topic, String key, String value, Instant timestamp) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(KafkaClientProperties.producer(KAFKA, "it-accounting"))) {
            p.send(new ProducerRecord<>(topic, null, timestamp.toEpochMilli(), key, value)).get();
        }
    }

    /** A raw article whose id depends on {@code slug} only. */
    public static RawArticle raw(String slug, Instant at) {
        String url = "http://127.0.0.1:1/mekong-post/" + slug;
        return new RawArticle(1, UUID.randomUUID().toString(), ArticleIds.of(url), at, url, "http://127.0.0.1:1/feed",
                new SourceRef("mekong-post", "Mekong Post", "KH", "en", "media"), "Scam compound raided " + slug,
                "Police raided a scam compound.", null, at, "en", at, null, null, null, false, null);
    }

    public static EnrichedArticle enriched(RawArticle raw, Instant at) {
        return new EnrichedArticle(1, UUID.randomUUID().toString(), raw.articleId(), at, raw,
                new Enrichment("it-rules", "en", List.of(), at, List.of(), List.of(), null, false));
    }
}
