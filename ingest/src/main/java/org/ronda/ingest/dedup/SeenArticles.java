package org.ronda.ingest.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.ronda.ingest.config.IngestConfig;
import org.ronda.kafka.KafkaSettings;
import org.ronda.kafka.TopicReplay;
import org.ronda.ingest.publish.ArticlePublisher;
import org.ronda.ingest.publish.PublishException;

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
        TopicReplay.readToEnd(kafka.bootstrapServers(), topic, null, record -> {
            if (record.key() != null) {
                seen.add(record.key());
            }
        });
        loaded = true;
        LOG.infof("read %d seen article ids from %s", seen.size(), topic);
    }
}
