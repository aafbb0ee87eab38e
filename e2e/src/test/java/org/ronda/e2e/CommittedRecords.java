package org.ronda.e2e;

import java.util.concurrent.atomic.AtomicLong;
import org.ronda.kafka.TopicReplay;

/** What read-committed consumers see of a topic, for the crash tests. */
final class CommittedRecords {

    private CommittedRecords() {
    }

    /** Committed records in {@code topic} now; 0 while the topic does not exist yet. */
    static long count(String bootstrap, String topic) {
        AtomicLong n = new AtomicLong();
        try {
            TopicReplay.readToEnd(bootstrap, topic, null, r -> n.incrementAndGet());
        } catch (RuntimeException e) {
            return 0;
        }
        return n.get();
    }
}
