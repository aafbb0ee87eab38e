package org.ronda.accounting.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.ronda.accounting.DeadLetterEntry;
import org.ronda.accounting.TopicReader;
import org.ronda.contracts.DeadLetter;
import org.ronda.kafka.KafkaClientProperties;

/**
 * Puts dead letters back where they came from after a fix: the original payload of each dead letter
 * is published again to its {@link DeadLetter#sourceTopic()}, keyed by its article id, so the stage
 * that refused it reads it again. A dead letter is replayed once: {@link ReplayMarkers} records each
 * replay, and a second replay without new dead letters replays nothing. Replaying one again anyway
 * (a marker lost in a crash) is harmless: enrich's output and the index's documents are keyed by
 * article id, so the same article comes out once more and overwrites itself.
 *
 * <p>Ingest's dead letters cannot be replayed: they are feed items whose page could not be fetched
 * or extracted, so there is no consumed record to put back (no source topic, no payload), only a
 * URL, which only ingest can fetch again.
 */
public final class DeadLetterReplayer {

    /** Header on each replayed record naming the dead letter it came from. */
    public static final String REPLAY_HEADER = "ronda-replay-of";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final TopicReader kafka;
    private final ReplayMarkers markers;
    private final Clock clock;

    public DeadLetterReplayer(TopicReader kafka, ReplayMarkers markers, Clock clock) {
        this.kafka = kafka;
        this.markers = markers;
        this.clock = clock;
    }

    /**
     * Replays every not yet replayed dead letter of {@code topic} (with {@code reason}, when given);
     * with {@code dryRun} only says what it would replay. Throws {@link IllegalArgumentException}
     * when the topic does not exist and {@link IllegalStateException} when Kafka refuses a write.
     */
    public ReplayResult replay(String topic, Optional<String> reason, boolean dryRun) {
        if (!kafka.existing(List.of(topic)).contains(topic)) {
            throw new IllegalArgumentException("topic " + topic + " does not exist");
        }
        Set<String> done = markers.replayed();
        List<DeadLetterEntry> todo = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        long[] matched = {0};
        long[] skipped = {0};
        kafka.read(topic, null, r -> {
            DeadLetterEntry e = DeadLetterEntry.of(r);
            if (reason.isPresent() && !reason.get().equals(e.reason())) {
                return;
            }
            matched[0]++;
            if (done.contains(e.coordinates())) {
                skipped[0]++;
            } else {
                whyNotReplayable(e).ifPresentOrElse(why -> refused.add(e.coordinates() + ": " + why), () -> todo.add(e));
            }
        });
        List<String> replayed = new ArrayList<>();
        todo.forEach(e -> replayed.add(describe(e)));
        if (!dryRun && !todo.isEmpty()) {
            send(todo);
        }
        return new ReplayResult(topic, reason.orElse(null), dryRun, matched[0], List.copyOf(replayed), skipped[0], List.copyOf(refused));
    }

    /** Why {@code e} cannot be put back, or empty when it can. */
    static Optional<String> whyNotReplayable(DeadLetterEntry e) {
        if (e.letter() == null) {
            return Optional.of("not a dead letter (" + e.problem() + ")");
        }
        DeadLetter letter = e.letter();
        if (letter.sourceTopic() == null) {
            return Optional.of("no source topic: a " + letter.stage() + " dead letter is a feed item that never became a record;"
                    + " only ingest can fetch " + (letter.url() == null ? "its URL" : letter.url()) + " again");
        }
        if (letter.payload() == null) {
            return Optional.of("no payload kept with the dead letter");
        }
        return Optional.empty();
    }

    private static String describe(DeadLetterEntry e) {
        return e.coordinates() + " -> " + e.letter().sourceTopic() + " (was " + e.sourceCoordinates().orElse("?") + ", " + e.reason() + ")";
    }

    /** Replays first and waits for every acknowledgement, then writes the markers: a crash in between replays again, never loses. */
    private void send(List<DeadLetterEntry> todo) {
        markers.ensureTopic();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                KafkaClientProperties.producer(kafka.bootstrapServers(), "ronda-dlq-replay"))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (DeadLetterEntry e : todo) {
                DeadLetter letter = e.letter();
                String key = letter.articleId() != null ? letter.articleId() : DeadLetterEntry.articleIdOf(letter.payload()).orElse(e.key());
                ProducerRecord<String, String> record = new ProducerRecord<>(letter.sourceTopic(), key, letter.payload());
                record.headers().add(REPLAY_HEADER, e.coordinates().getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            await(sent);
            List<Future<RecordMetadata>> marked = new ArrayList<>();
            for (DeadLetterEntry e : todo) {
                marked.add(producer.send(markers.marker(e.coordinates(), e.letter().sourceTopic(), e.sourceCoordinates().orElse(null),
                        clock.instant())));
            }
            await(marked);
        }
    }

    private static void await(List<Future<RecordMetadata>> futures) {
        try {
            for (Future<RecordMetadata> f : futures) {
                f.get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("replay write not acknowledged: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }
}
