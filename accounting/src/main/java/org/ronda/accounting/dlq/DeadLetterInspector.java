package org.ronda.accounting.dlq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ronda.accounting.DeadLetterEntry;
import org.ronda.accounting.TopicReader;

/** Reads dead-letter topics for people: counts per reason, and the letters themselves without their payloads. */
public final class DeadLetterInspector {

    /**
     * The dead letters of one topic.
     *
     * @param topic    the dead-letter topic
     * @param exists   false when the topic does not exist (then every count is zero)
     * @param total    dead letters in it
     * @param reasons  dead letters by reason
     * @param replayed of them, those already replayed (per the replay markers)
     */
    public record TopicSummary(String topic, boolean exists, long total, Map<String, Long> reasons, long replayed) {
    }

    private final TopicReader kafka;
    private final ReplayMarkers markers;

    public DeadLetterInspector(TopicReader kafka, ReplayMarkers markers) {
        this.kafka = kafka;
        this.markers = markers;
    }

    /** Counts per reason of each of {@code topics}, in the order given. */
    public List<TopicSummary> summarise(List<String> topics) {
        Set<String> present = kafka.existing(topics);
        Set<String> replayed = markers.replayed();
        List<TopicSummary> summaries = new ArrayList<>();
        for (String topic : topics) {
            if (!present.contains(topic)) {
                summaries.add(new TopicSummary(topic, false, 0, Map.of(), 0));
                continue;
            }
            Map<String, Long> reasons = new TreeMap<>();
            long[] counts = {0, 0};
            kafka.read(topic, null, r -> {
                DeadLetterEntry e = DeadLetterEntry.of(r);
                counts[0]++;
                reasons.merge(e.reason(), 1L, Long::sum);
                if (replayed.contains(e.coordinates())) {
                    counts[1]++;
                }
            });
            summaries.add(new TopicSummary(topic, true, counts[0], reasons, counts[1]));
        }
        return summaries;
    }

    /** The first {@code limit} dead letters of {@code topic} (with {@code reason}, when given), oldest first. */
    public List<DeadLetterEntry> entries(String topic, Optional<String> reason, int limit) {
        if (!kafka.existing(List.of(topic)).contains(topic)) {
            throw new IllegalArgumentException("topic " + topic + " does not exist");
        }
        List<DeadLetterEntry> entries = new ArrayList<>();
        kafka.read(topic, null, r -> {
            if (entries.size() < limit) {
                DeadLetterEntry e = DeadLetterEntry.of(r);
                if (reason.isEmpty() || reason.get().equals(e.reason())) {
                    entries.add(e);
                }
            }
        });
        return entries;
    }
}
