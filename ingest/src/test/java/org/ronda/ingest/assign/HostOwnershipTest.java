package org.ronda.ingest.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** Pure logic: which instance may poll which host, and the hand-over on revocation. No broker. */
class HostOwnershipTest {

    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    @Test
    void aHostGoesToThePartitionKafkasOwnPartitionerPicks() {
        for (String host : List.of("www.thestar.com.my", "vnexpress.net", "127.0.0.1", "news.example:8443")) {
            for (int n : new int[] {1, 3, 4, 12}) {
                assertThat(HostOwnership.partitionOf(host, n))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(host.getBytes(StandardCharsets.UTF_8), n));
            }
        }
    }

    @Test
    void hostKeysIgnoreCaseAndPortsUnlessPortsAreAskedFor() {
        HostOwnership byHost = new HostOwnership(HostOwnership.KeyKind.HOST);
        HostOwnership byPort = new HostOwnership(HostOwnership.KeyKind.HOST_PORT);

        assertThat(byHost.keyOf(URI.create("https://WWW.Example.com:8443/feed"))).isEqualTo("www.example.com");
        assertThat(byHost.keyOf(URI.create("http://www.example.com/rss"))).isEqualTo("www.example.com");
        assertThat(byPort.keyOf(URI.create("https://example.com/feed"))).isEqualTo("example.com:443");
        assertThat(byPort.keyOf(URI.create("http://127.0.0.1:8090/a/feed.xml"))).isEqualTo("127.0.0.1:8090");
    }

    @Test
    void twoInstancesWithComplementaryPartitionsOwnEveryHostExactlyOnce() {
        HostOwnership a = new HostOwnership(HostOwnership.KeyKind.HOST);
        HostOwnership b = new HostOwnership(HostOwnership.KeyKind.HOST);
        a.assign(List.of(0, 2), 4);
        b.assign(List.of(1, 3), 4);

        Set<Integer> seenPartitions = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            URI feed = URI.create("https://outlet-" + i + ".example/feed");
            assertThat(a.owns(feed) ^ b.owns(feed)).as("exactly one owner of %s", feed).isTrue();
            seenPartitions.add(HostOwnership.partitionOf(a.keyOf(feed), 4));
        }
        assertThat(seenPartitions).as("200 hosts spread over every partition").containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void oneInstanceWithEveryPartitionPollsEveryHost() {
        HostOwnership alone = new HostOwnership(HostOwnership.KeyKind.HOST);
        alone.assign(IntStream.range(0, 12).boxed().toList(), 12);

        assertThat(IntStream.range(0, 100).mapToObj(i -> URI.create("https://h" + i + ".example/rss")).allMatch(alone::owns)).isTrue();
    }

    @Test
    void nothingIsPolledBeforeTheFirstAssignment() throws Exception {
        HostOwnership o = new HostOwnership(HostOwnership.KeyKind.HOST);

        assertThat(o.assigned()).isFalse();
        assertThat(o.lease(URI.create("https://example.com/feed"), NOW)).isEmpty();
        assertThat(o.awaitAssigned(Duration.ofMillis(20))).isFalse();

        o.assign(List.of(), 4);
        assertThat(o.assigned()).as("an empty share is still an answer").isTrue();
    }

    @Test
    void revocationStopsNewLeasesAndWaitsForTheRunningPollToEnd() throws Exception {
        HostOwnership o = new HostOwnership(HostOwnership.KeyKind.HOST);
        URI feed = URI.create("https://example.com/feed");
        int partition = HostOwnership.partitionOf("example.com", 4);
        o.assign(List.of(0, 1, 2, 3), 4);
        HostOwnership.Lease running = o.lease(feed, NOW).orElseThrow();

        CompletableFuture<Boolean> revoked = CompletableFuture.supplyAsync(() -> {
            try {
                return o.revoke(List.of(partition), Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        // The revoker now waits for the running poll; no new poll of the host may start meanwhile.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !running.held());
        assertThat(o.lease(feed, NOW)).isEmpty();
        assertThat(revoked).isNotDone();
        running.close();
        assertThat(revoked.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void revocationGivesUpWaitingAfterTheHandOverTimeout() throws Exception {
        HostOwnership o = new HostOwnership(HostOwnership.KeyKind.HOST);
        o.assign(List.of(0, 1, 2, 3), 4);
        URI feed = URI.create("https://example.com/feed");
        try (HostOwnership.Lease stuck = o.lease(feed, NOW).orElseThrow()) {
            assertThat(o.revoke(List.of(HostOwnership.partitionOf("example.com", 4)), Duration.ofMillis(50))).isFalse();
            assertThat(stuck.held()).isFalse();
        }
    }

    @Test
    void aChangedPartitionCountRemapsHostsOnTheNextAssignment() {
        HostOwnership o = new HostOwnership(HostOwnership.KeyKind.HOST);
        o.assign(List.of(HostOwnership.partitionOf("example.com", 4)), 4);
        assertThat(o.owns(URI.create("https://example.com/"))).isTrue();

        o.assign(List.of(HostOwnership.partitionOf("example.com", 12)), 12);

        assertThat(o.partitionCount()).isEqualTo(12);
        assertThat(o.owns(URI.create("https://example.com/"))).isTrue();
        assertThat(o.partitions()).hasSize(1);
    }

    @Test
    void everyPolledHostIsRecordedWithItsPartitionAndPollCount() {
        HostOwnership o = new HostOwnership(HostOwnership.KeyKind.HOST);
        o.assign(List.of(0, 1, 2, 3), 4);
        o.lease(URI.create("https://example.com/a"), NOW).orElseThrow().close();
        o.lease(URI.create("https://example.com/b"), NOW.plusSeconds(5)).orElseThrow().close();

        assertThat(o.polledHosts()).containsExactly(new HostOwnership.PolledHost("example.com",
                HostOwnership.partitionOf("example.com", 4), NOW, NOW.plusSeconds(5), 2));
    }
}
