package org.ronda.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Connection to the Kafka cluster, under {@code ronda.kafka}: one mapping for every service, found
 * by Quarkus through this module's {@code META-INF/beans.xml}.
 */
@ConfigMapping(prefix = "ronda.kafka")
public interface KafkaSettings {

    /** Comma-separated host:port list of brokers. */
    String bootstrapServers();

    /** Partitions of the topics this service creates when they are missing. */
    @WithDefault("3")
    int partitions();

    /** Replication factor of the topics this service creates; 1 for a single local broker. */
    @WithDefault("1")
    short replicationFactor();
}
