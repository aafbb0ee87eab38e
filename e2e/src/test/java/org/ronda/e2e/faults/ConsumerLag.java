package org.ronda.e2e.faults;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's committed offsets and lag on one topic, read with the admin API.
 *
 * <p>{@code toleratedPerPartition} is the lag a partition may keep when it is caught up: on a topic
 * written in transactions the commit marker of the last transaction takes an offset that a consumer
 * which commits "last record + 1" never commits past, so 1 there, 0 on other topics.
 */
record ConsumerLag(long committed, long lag) {

    static Optional<ConsumerLag> sample(Admin admin, String group, String topic, int toleratedPerPartition) {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
            List<TopicPartition> partitions = d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            long committed = 0;
            long lag = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata c = done.get(p);
                long at = c == null ? 0 : c.offset();
                committed += at;
                lag += Math.max(0, ends.get(p).offset() - at - toleratedPerPartition);
            }
            return Optional.of(new ConsumerLag(committed, lag));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
