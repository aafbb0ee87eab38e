package org.ronda.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.InvalidEventException;

/**
 * One record of a dead-letter topic, with its coordinates, and the dead letter when it decodes.
 *
 * @param topic     the dead-letter topic
 * @param partition its partition
 * @param offset    its offset
 * @param key       the record key (the article id, a URL or the source coordinates, by stage), or null
 * @param timestamp the record's Kafka timestamp (ms)
 * @param letter    the decoded dead letter, or null when the record is not one
 * @param problem   why it did not decode, or null
 */
public record DeadLetterEntry(String topic, int partition, long offset, String key, long timestamp, DeadLetter letter, String problem) {

    private static final Pattern ARTICLE_ID = Pattern.compile("[0-9a-f]{32}");

    /** The entry of {@code record}; never throws on a bad record. */
    public static DeadLetterEntry of(ConsumerRecord<String, String> record) {
        try {
            return new DeadLetterEntry(record.topic(), record.partition(), record.offset(), record.key(), record.timestamp(),
                    EventCodec.decodeDeadLetter(record.value()), null);
        } catch (InvalidEventException e) {
            return new DeadLetterEntry(record.topic(), record.partition(), record.offset(), record.key(), record.timestamp(), null,
                    e.getMessage());
        }
    }

    /** {@code topic-partition@offset} of this dead letter. */
    public String coordinates() {
        return TopicReader.coordinates(topic, partition, offset);
    }

    /** The reason code; {@code unreadable-dead-letter} when the record is not a dead letter. */
    public String reason() {
        return letter == null ? "unreadable-dead-letter" : letter.reason();
    }

    /** {@code topic-partition@offset} of the record that failed, when the stage consumed one. */
    public Optional<String> sourceCoordinates() {
        if (letter == null || letter.sourceTopic() == null || letter.sourcePartition() == null || letter.sourceOffset() == null) {
            return Optional.empty();
        }
        return Optional.of(TopicReader.coordinates(letter.sourceTopic(), letter.sourcePartition(), letter.sourceOffset()));
    }

    /**
     * The article this dead letter is about: the letter's own article id, else the record key when
     * it is an article id (enrich keys its dead letters by the raw record's key and leaves the field
     * empty), else the {@code articleId} of the original payload.
     */
    public Optional<String> articleId() {
        if (letter != null && letter.articleId() != null) {
            return Optional.of(letter.articleId());
        }
        if (key != null && ARTICLE_ID.matcher(key).matches()) {
            return Optional.of(key);
        }
        return letter == null ? Optional.empty() : articleIdOf(letter.payload());
    }

    /** The {@code articleId} field of an event's JSON, if it has one; never throws. */
    public static Optional<String> articleIdOf(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode id = EventCodec.mapper().readTree(json).get("articleId");
            return id != null && id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
