package org.ronda.ingest.assign;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.ronda.ingest.config.IngestConfig;
import org.ronda.ingest.dedup.SeenArticles;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.KafkaSettings;
import org.ronda.kafka.LoopState;
import org.ronda.kafka.PollLoop;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/**
 * This instance's membership in the ingest consumer group on the poll-task topic. The group
 * protocol gives each partition of the topic to one member; the rebalance listener turns that into
 * {@link HostOwnership}: on revocation polling of the partitions' hosts stops (and running polls
 * end) before the rebalance goes on, on assignment the seen markers are read up to date before the
 * new hosts are polled. One instance alone gets every partition, so it polls every host, as before.
 *
 * <p>The topic carries no records: its partitions are leases, the group protocol their allocator.
 */
@ApplicationScoped
public class PollAssignment {

    private static final Logger LOG = Logger.getLogger(PollAssignment.class);

    private final IngestConfig config;
    private final KafkaSettings kafka;
    private final SeenArticles seen;
    private final HostOwnership ownership;
    private final PollLoop loop = new PollLoop("ingest-assignment");

    PollAssignment(IngestConfig config, KafkaSettings kafka, SeenArticles seen) {
        this.config = config;
        this.kafka = kafka;
        this.seen = seen;
        this.ownership = new HostOwnership(config.partitioning().key());
    }

    void start(@Observes StartupEvent event) {
        TopicCreator.ensure(kafka.bootstrapServers(), List.of(
                new TopicSpec(config.topics().pollTasks(), config.partitioning().partitions(), true)), kafka.replicationFactor());
        loop.start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop(Duration.ofSeconds(20));
    }

    /** The hosts this instance may poll now. */
    public HostOwnership ownership() {
        return ownership;
    }

    /** Health of the membership loop. */
    public LoopState state() {
        return loop.state();
    }

    private void run(PollLoop loop) {
        String topic = config.topics().pollTasks();
        Properties props = KafkaClientProperties.consumer(kafka.bootstrapServers(), config.partitioning().groupId(),
                "ronda-ingest-pollers-" + UUID.randomUUID(), 1);
        // Eager assignment: every member gives up all its partitions before any is reassigned, so the
        // host-to-partition mapping can change (partitions added) without two owners for one host.
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
            loop.attach(c);
            c.subscribe(List.of(topic), new Listener(c, topic));
            loop.state().running();
            while (loop.isRunning()) {
                // Nothing to read: polling keeps the membership alive and runs the rebalance callbacks.
                c.poll(Duration.ofMillis(500));
            }
            ownership.revoke(ownership.partitions(), config.partitioning().handOverTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> consumer;
        private final String topic;

        Listener(KafkaConsumer<String, String> consumer, String topic) {
            this.consumer = consumer;
            this.topic = topic;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
            try {
                if (!ownership.revoke(numbers, config.partitioning().handOverTimeout())) {
                    LOG.warnf("polls of partitions %s of %s still running after %s (ronda.ingest.partitioning.hand-over-timeout);"
                            + " handed over anyway, their unfinished items go to the next owner", numbers, topic,
                            config.partitioning().handOverTimeout());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!numbers.isEmpty()) {
                LOG.infof("hosts of %s partitions %s handed back", topic, numbers);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member may own them already: stop at once, the same way.
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            int count = consumer.partitionsFor(topic, Duration.ofSeconds(30)).size();
            // The previous owners' markers are durable before they release a host; read them first.
            seen.catchUp();
            List<Integer> numbers = partitions.stream().map(TopicPartition::partition).sorted().toList();
            ownership.assign(numbers, count);
            LOG.infof("polling the hosts of %s partitions %s of %d", topic, numbers, count);
        }
    }
}
