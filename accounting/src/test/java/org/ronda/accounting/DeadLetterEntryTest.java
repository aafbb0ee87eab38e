package org.ronda.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;

/** Which article a dead letter is about, stage by stage. Real: everything; no engine. */
class DeadLetterEntryTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";

    @Test
    void enrichLettersNameTheArticleByTheirKey() {
        DeadLetter l = new DeadLetter(1, "enrich", "invalid-event", "bad", null, null, "raw", 0, 7L, "{not json", Instant.EPOCH);
        DeadLetterEntry e = DeadLetterEntry.of(new ConsumerRecord<>("dlq", 0, 3, ID, EventCodec.encode(l)));
        assertThat(e.articleId()).contains(ID);
        assertThat(e.sourceCoordinates()).contains("raw-0@7");
        assertThat(e.coordinates()).isEqualTo("dlq-0@3");
    }

    @Test
    void indexLettersWithoutIdFallBackToThePayload() {
        DeadLetter l = new DeadLetter(1, "index", "invalid-event", "bad", null, null, "enriched", 1, 2L,
                "{\"articleId\":\"" + ID + "\"}", Instant.EPOCH);
        DeadLetterEntry e = DeadLetterEntry.of(new ConsumerRecord<>("dlq", 0, 0, "enriched-1@2", EventCodec.encode(l)));
        assertThat(e.articleId()).contains(ID);
    }

    @Test
    void aRecordThatIsNotADeadLetterIsKeptWithItsProblem() {
        DeadLetterEntry e = DeadLetterEntry.of(new ConsumerRecord<>("dlq", 0, 0, null, "garbage"));
        assertThat(e.letter()).isNull();
        assertThat(e.reason()).isEqualTo("unreadable-dead-letter");
        assertThat(e.problem()).isNotBlank();
        assertThat(e.articleId()).isEmpty();
    }
}
