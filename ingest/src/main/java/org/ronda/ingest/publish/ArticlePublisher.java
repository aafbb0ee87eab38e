package org.ronda.ingest.publish;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.ingest.config.IngestConfig;
import org.ronda.kafka.KafkaSettings;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/**
 * Publishes what ingest produces: raw articles, seen markers and dead letters, each keyed by
 * article id (or URL when there is none), each send waiting for the broker's acknowledgement.
 */
@ApplicationScoped
public class ArticlePublisher {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final Producer<String, String> producer;
    private final IngestConfig.Topics topics;

    ArticlePublisher(IngestConfig config, KafkaSettings kafka) {
        this.topics = config.topics();
        TopicCreator.ensure(kafka.bootstrapServers(), List.of(
                new TopicSpec(topics.rawArticles(), kafka.partitions(), false),
                new TopicSpec(topics.seenArticles(), kafka.partitions(), true),
                new TopicSpec(topics.deadLetter(), 1, false)), kafka.replicationFactor());
        this.producer = new KafkaProducer<>(KafkaClientProperties.producer(kafka.bootstrapServers(), "ronda-ingest"));
    }

    /** Publishes a raw article and waits until the broker acknowledged it. */
    public void publish(RawArticle article) throws PublishException {
        send(topics.rawArticles(), article.articleId(), EventCodec.encode(article));
    }

    /** Records that {@code articleId} is done (published or dead-lettered), so later polls skip it. */
    public void markSeen(String articleId, String url) throws PublishException {
        send(topics.seenArticles(), articleId, url);
    }

    /** Publishes a dead letter for an item that cannot become an article. */
    public void deadLetter(DeadLetter letter) throws PublishException {
        String key = letter.articleId() != null ? letter.articleId() : letter.url();
        send(topics.deadLetter(), key, EventCodec.encode(letter));
    }

    private void send(String topic, String key, String value) throws PublishException {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishException("send to " + topic + " failed for key " + key + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while sending to " + topic, e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
