package org.ronda.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Pure logic: what may be committed while records finish out of order. */
class WebhookOffsetWatermarksTest {

    private static final TopicPartition P0 = new TopicPartition("ronda.alerts", 0);
    private static final TopicPartition P1 = new TopicPartition("ronda.alerts", 1);

    private final OffsetWatermarks marks = new OffsetWatermarks();

    @Test
    void nothingIsCommittableUntilARecordIsStarted() {
        assertThat(marks.committable()).isEmpty();
    }

    @Test
    void aSlowRecordHoldsBackItsPartitionOnly() {
        for (long o = 10; o <= 14; o++) {
            marks.started(P0, o);
        }
        marks.started(P1, 3);
        marks.finished(P0, 10);
        marks.finished(P0, 12);
        marks.finished(P0, 13);
        marks.finished(P1, 3);

        // 11 is still out (a receiver retrying): 12 and 13 finished but must not be committed.
        assertThat(marks.committable()).containsExactlyInAnyOrderEntriesOf(Map.of(P0, 11L, P1, 4L));

        marks.finished(P0, 11);
        assertThat(marks.committable()).containsEntry(P0, 14L);

        marks.finished(P0, 14);
        assertThat(marks.committable()).containsEntry(P0, 15L);
        assertThat(marks.unfinished()).isZero();
    }

    @Test
    void committedOffsetsAreNotOfferedAgain() {
        marks.started(P0, 0);
        marks.finished(P0, 0);
        marks.committed(marks.committable());

        assertThat(marks.committable()).isEmpty();

        marks.started(P0, 1);
        assertThat(marks.committable()).isEmpty();
        marks.finished(P0, 1);
        assertThat(marks.committable()).containsExactlyEntriesOf(Map.of(P0, 2L));
    }

    @Test
    void aRecordIsFinishedOnceAndARevokedPartitionIsForgotten() {
        marks.started(P0, 5);
        marks.started(P1, 6);

        assertThat(marks.finished(P0, 5)).isTrue();
        assertThat(marks.finished(P0, 5)).isFalse();

        marks.forget(List.of(P1));
        assertThat(marks.isPending(P1, 6)).isFalse();
        assertThat(marks.finished(P1, 6)).isFalse();
        assertThat(marks.committable()).containsOnlyKeys(P0);
        assertThat(marks.unfinished()).isZero();
    }
}
