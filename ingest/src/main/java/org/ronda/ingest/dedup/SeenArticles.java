package org.ronda.ingest.dedup;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.ronda.ingest.config.IngestConfig;
import org.ronda.ingest.publish.ArticlePublisher;
import org.ronda.ingest.publish.PublishException;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicPartitions;
import org.ronda.kafka.KafkaSettings;

/**
 * The article ids ingest has finished with. Backed by a compacted Kafka topic, read in full at
 * start-up and read on from where it stopped whenever this instance takes over hosts from another
 * ({@link #catchUp}), so neither a restarted nor a second instance publishes an article again.
 */
@ApplicationScoped
public class SeenArticles {

    private static final Logger LOG = Logger.getLogger(SeenArticles.class);

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final ArticlePublisher publisher;
    private final KafkaSettings kafka;
    private final String topic;
    private KafkaConsumer<String, String> reader;
    private volatile boolean loaded;

    SeenArticles(ArticlePublisher publisher, IngestConfig config, KafkaSettings kafka) {
        this.publisher = publisher;
        this.kafka = kafka;
        this.topic = config.topics().seenArticles();
    }

    /** Whether {@code articleId} was already published or dead-lettered. */
    public boolean contains(String articleId) {
        ensureLoaded();
        return seen.contains(articleId);
    }

    /** Records {@code articleId} as done, durably, before returning. */
    public void add(String articleId, String url) throws PublishException {
        publisher.markSeen(articleId, url);
        seen.add(articleId);
    }

    /** Number of ids known. */
    public int size() {
        ensureLoaded();
        return seen.size();
    }

    /**
     * Reads the markers written since the last read, by this or any other instance, up to the
     * topic's end now. Called before polling hosts taken over from another instance, whose markers
     * this instance has not read yet.
     */
    public synchronized void catchUp() {
        if (!loaded) {
            load();
            return;
        }
        long n = readToEnd();
        LOG.infof("read %d new seen markers from %s, %d ids known", n, topic, seen.size());
    }

    private void ensureLoaded() {
        // Checked without the lock: every feed item asks, and loading happens once.
        if (!loaded) {
            load();
        }
    }

    private synchronized void load() {
        if (loaded) {
            return;
        }
        reader = new KafkaConsumer<>(KafkaClientProperties.consumer(kafka.bootstrapServers(),
                "ronda-ingest-seen-" + UUID.randomUUID(), "ronda-ingest-seen", 5000));
        List<TopicPartition> partitions = TopicPartitions.of(reader, topic, Duration.ofSeconds(60));
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        readToEnd();
        loaded = true;
        LOG.infof("read %d seen article ids from %s", seen.size(), topic);
    }

    private long readToEnd() {
        Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment(), Duration.ofSeconds(30));
        long read = 0;
        while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                if (record.key() != null) {
                    seen.add(record.key());
                }
                read++;
            }
        }
        return read;
    }

    @PreDestroy
    synchronized void close() {
        if (reader != null) {
            reader.close(Duration.ofSeconds(5));
        }
    }
}
