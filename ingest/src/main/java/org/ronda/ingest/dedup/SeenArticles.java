package org.ronda.ingest.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.ronda.ingest.config.IngestConfig;
import org.ronda.kafka.KafkaSettings;
import org.ronda.ingest.publish.ArticlePublisher;
import org.ronda.ingest.publish.PublishException;
import org.ronda.kafka.KafkaClientProperties;

/**
 * The article ids ingest has finished with. Backed by a compacted Kafka topic and read back in
 * full at start-up, so a restarted (or second) instance does not publish an article again.
 */
@ApplicationScoped
public class SeenArticles {

    private static final Logger LOG = Logger.getLogger(SeenArticles.class);

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final ArticlePublisher publisher;
    private final KafkaSettings kafka;
    private final String topic;
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
        var props = KafkaClientProperties.consumer(kafka.bootstrapServers(), "ronda-ingest-seen-reader", "ronda-ingest-seen", 5000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (!reached(consumer, end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null) {
                        seen.add(record.key());
                    }
                }
            }
        }
        loaded = true;
        LOG.infof("read %d seen article ids from %s", seen.size(), topic);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
