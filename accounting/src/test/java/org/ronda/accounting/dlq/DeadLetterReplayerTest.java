package org.ronda.accounting.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ronda.accounting.DeadLetterEntry;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;

/** Which dead letters can be put back. Real: everything; no engine. */
class DeadLetterReplayerTest {

    private static DeadLetterEntry entry(DeadLetter l) {
        return DeadLetterEntry.of(new ConsumerRecord<>("dlq", 0, 0, "k", EventCodec.encode(l)));
    }

    @Test
    void aConsumedRecordWithItsPayloadIsReplayable() {
        DeadLetter l = new DeadLetter(1, "enrich", "enrich-failed", "x", null, null, "raw", 0, 1L, "{}", Instant.EPOCH);
        assertThat(DeadLetterReplayer.whyNotReplayable(entry(l))).isEmpty();
    }

    @Test
    void ingestLettersHaveNothingToPutBack() {
        DeadLetter l = new DeadLetter(1, "ingest", "page-not-found", "x", null, "http://127.0.0.1/a", null, null, null, null, Instant.EPOCH);
        assertThat(DeadLetterReplayer.whyNotReplayable(entry(l))).hasValueSatisfying(why -> assertThat(why)
                .contains("no source topic").contains("only ingest can fetch http://127.0.0.1/a"));
    }

    @Test
    void aLetterWithoutPayloadOrUnreadableIsNot() {
        DeadLetter l = new DeadLetter(1, "index", "r", "x", null, null, "enriched", 0, 1L, null, Instant.EPOCH);
        assertThat(DeadLetterReplayer.whyNotReplayable(entry(l))).contains("no payload kept with the dead letter");
        assertThat(DeadLetterReplayer.whyNotReplayable(DeadLetterEntry.of(new ConsumerRecord<>("dlq", 0, 0, "k", "x"))))
                .hasValueSatisfying(why -> assertThat(why).startsWith("not a dead letter"));
    }
}
