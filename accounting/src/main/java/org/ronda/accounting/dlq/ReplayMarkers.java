package org.ronda.accounting.dlq;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ronda.accounting.TopicReader;
import org.ronda.contracts.EventCodec;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/**
 * The record of which dead letters were replayed: a compacted topic with one record per replayed
 * dead letter, keyed by the dead letter's coordinates ({@code topic-partition@offset}). A marker is
 * written only after the replayed record was acknowledged, so a crash in between replays that dead
 * letter again next time, which the idempotent stages absorb; it never loses a replay.
 *
 * <p>Coordinates identify a dead letter as long as its topic lives: deleting and recreating a
 * dead-letter topic restarts its offsets, and the markers of the old topic must then be deleted too
 * (delete the marker topic).
 */
public final class ReplayMarkers {

    private final TopicReader kafka;
    private final String topic;
    private final short replicationFactor;

    /**
     * @param kafka             where the markers live
     * @param topic             the marker topic (created, compacted, on the first replay)
     * @param replicationFactor replicas of the marker topic when it is created
     */
    public ReplayMarkers(TopicReader kafka, String topic, short replicationFactor) {
        this.kafka = kafka;
        this.topic = topic;
        this.replicationFactor = replicationFactor;
    }

    /** The marker topic. */
    public String topic() {
        return topic;
    }

    /** Coordinates of every dead letter replayed so far; empty when the marker topic does not exist yet. */
    public Set<String> replayed() {
        Set<String> done = new HashSet<>();
        if (kafka.existing(List.of(topic)).contains(topic)) {
            kafka.read(topic, null, r -> {
                // A null value is a tombstone: an operator forgot the replay on purpose.
                if (r.value() == null) {
                    done.remove(r.key());
                } else {
                    done.add(r.key());
                }
            });
        }
        return done;
    }

    /** Creates the marker topic when it is missing. */
    void ensureTopic() {
        TopicCreator.ensure(kafka.bootstrapServers(), List.of(new TopicSpec(topic, 1, true)), replicationFactor);
    }

    /** The marker of one replay. */
    ProducerRecord<String, String> marker(String deadLetter, String replayedTo, String sourceRecord, Instant at) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("deadLetter", deadLetter);
        value.put("replayedTo", replayedTo);
        value.put("sourceRecord", sourceRecord);
        value.put("replayedAt", at.toString());
        return new ProducerRecord<>(topic, deadLetter, EventCodec.encode(value));
    }
}
