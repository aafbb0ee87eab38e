package org.ronda.e2e;

import java.util.concurrent.atomic.AtomicLong;
import org.ronda.contracts.EventCodec;
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

    /** Alerts in the committed records of an alerts {@code topic} (one per subscription decision, decision 32); 0 while it does not exist. */
    static long alerts(String bootstrap, String topic) {
        AtomicLong n = new AtomicLong();
        try {
            TopicReplay.readToEnd(bootstrap, topic, null, r -> n.addAndGet(EventCodec.decodeArticleAlerts(r.value()).decisions().size()));
        } catch (RuntimeException e) {
            return 0;
        }
        return n.get();
    }
}
