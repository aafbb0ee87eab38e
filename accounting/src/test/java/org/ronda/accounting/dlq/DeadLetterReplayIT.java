package org.ronda.accounting.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ronda.accounting.ItEngines;
import org.ronda.accounting.TopicReader;
import org.ronda.accounting.cli.CommandRunner;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;

/**
 * A fixed poison record, dead-lettered by enrich, is put back on its source topic once; a second
 * replay writes nothing; ingest's dead letters are refused. Real: Kafka (topics of this run only).
 * Faked: enrich (the test writes its dead letter).
 */
class DeadLetterReplayIT {

    private static final String ARTICLE = "5a1e0c3b9d7f4e21a6b8c0d2e4f60718";
    private static final String POISON = "{\"schemaVersion\":1,\"articleId\":\"" + ARTICLE + "\",\"title\":null}";

    @Test
    void replaysAPoisonRecordOnceAndRecordsIt() throws Exception {
        String p = ItEngines.uniquePrefix();
        String raw = p + "raw";
        String dlq = p + "enrich-dlq";
        String ingestDlq = p + "ingest-dlq";
        String markers = p + "replayed";
        ItEngines.createTopics(List.of(raw, dlq, ingestDlq));
        Instant now = Instant.now();
        ItEngines.send(raw, ARTICLE, POISON, now);
        DeadLetter letter = new DeadLetter(1, "enrich", "invalid-event", "title: required", null, null, raw, 0, 0L, POISON, now);
        ItEngines.send(dlq, ARTICLE, EventCodec.encode(letter), now);

        TopicReader kafka = new TopicReader(ItEngines.KAFKA);
        ReplayMarkers marks = new ReplayMarkers(kafka, markers, (short) 1);
        DeadLetterReplayer replayer = new DeadLetterReplayer(kafka, marks, Clock.systemUTC());

        ReplayResult dry = replayer.replay(dlq, Optional.empty(), true);
        assertThat(dry.replayed()).hasSize(1);
        assertThat(records(kafka, raw)).hasSize(1);

        ReplayResult other = replayer.replay(dlq, Optional.of("enrich-failed"), false);
        assertThat(other.matched()).isZero();
        assertThat(records(kafka, raw)).hasSize(1);

        ReplayResult first = replayer.replay(dlq, Optional.of("invalid-event"), false);
        assertThat(first.replayed()).containsExactly(dlq + "-0@0 -> " + raw + " (was " + raw + "-0@0, invalid-event)");
        List<ConsumerRecord<String, String>> afterFirst = records(kafka, raw);
        assertThat(afterFirst).hasSize(2);
        ConsumerRecord<String, String> replayed = afterFirst.get(1);
        assertThat(replayed.key()).isEqualTo(ARTICLE);
        assertThat(replayed.value()).isEqualTo(POISON);
        assertThat(new String(replayed.headers().lastHeader(DeadLetterReplayer.REPLAY_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(dlq + "-0@0");

        ReplayResult second = replayer.replay(dlq, Optional.empty(), false);
        assertThat(second.replayed()).isEmpty();
        assertThat(second.alreadyReplayed()).isEqualTo(1);
        assertThat(records(kafka, raw)).hasSize(2);

        DeadLetterInspector inspector = new DeadLetterInspector(kafka, marks);
        assertThat(inspector.summarise(List.of(dlq))).singleElement().satisfies(s -> {
            assertThat(s.total()).isEqualTo(1);
            assertThat(s.replayed()).isEqualTo(1);
            assertThat(s.reasons()).containsEntry("invalid-event", 1L);
        });

        // Through the command: show never prints the payload unless asked; ingest's letters are refused.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(CommandRunner.run(print, "dlq", "show", "--topic", dlq, "--bootstrap", ItEngines.KAFKA)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(ARTICLE).contains("invalid-event").doesNotContain("\"title\":null");
        assertThat(CommandRunner.run(print, "dlq", "replay", "--topic", ingestDlq, "--ingest-dlq", ingestDlq,
                "--bootstrap", ItEngines.KAFKA, "--replayed-topic", markers)).isEqualTo(2);
        assertThat(CommandRunner.run(print, "dlq", "replay", "--topic", dlq, "--bootstrap", ItEngines.KAFKA,
                "--replayed-topic", markers)).isZero();
        assertThat(records(kafka, raw)).hasSize(2);
    }

    private static List<ConsumerRecord<String, String>> records(TopicReader kafka, String topic) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        kafka.read(topic, null, all::add);
        return all;
    }
}
