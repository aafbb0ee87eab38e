package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pure logic with a hand-moved clock: TTLs, capacity, one load for concurrent lookups. */
class RobotsCacheTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger loads = new AtomicInteger();

    private RobotsCache.Verdict allow(Duration ttl) {
        loads.incrementAndGet();
        return new RobotsCache.Verdict(Optional.of(RobotsRules.allowAll()), ttl);
    }

    @Test
    void keepsAVerdictForItsTtl() throws Exception {
        RobotsCache cache = new RobotsCache(10, clock, Duration.ofSeconds(5));

        cache.get("https://news.test", o -> allow(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(59));
        cache.get("https://news.test", o -> allow(Duration.ofHours(1)));
        assertThat(loads).hasValue(1);

        clock.advance(Duration.ofMinutes(2));
        cache.get("https://news.test", o -> allow(Duration.ofHours(1)));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aZeroTtlIsNotKept() throws Exception {
        RobotsCache cache = new RobotsCache(10, clock, Duration.ofSeconds(5));

        cache.get("https://news.test", o -> allow(Duration.ZERO));
        cache.get("https://news.test", o -> allow(Duration.ZERO));

        assertThat(loads).hasValue(2);
    }

    @Test
    void dropsTheLeastRecentlyUsedOriginBeyondCapacity() throws Exception {
        RobotsCache cache = new RobotsCache(2, clock, Duration.ofSeconds(5));

        cache.get("https://a.test", o -> allow(Duration.ofHours(1)));
        cache.get("https://b.test", o -> allow(Duration.ofHours(1)));
        cache.get("https://a.test", o -> allow(Duration.ofHours(1)));
        cache.get("https://c.test", o -> allow(Duration.ofHours(1)));
        cache.get("https://a.test", o -> allow(Duration.ofHours(1)));
        assertThat(loads).hasValue(3);

        cache.get("https://b.test", o -> allow(Duration.ofHours(1)));
        assertThat(loads).hasValue(4);
    }

    @Test
    void concurrentLookupsShareOneLoad() throws Exception {
        RobotsCache cache = new RobotsCache(10, clock, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch loading = new CountDownLatch(1);
        AtomicInteger secondLoads = new AtomicInteger();

        CompletableFuture<RobotsCache.Verdict> first = CompletableFuture.supplyAsync(() -> get(cache, o -> {
            loading.countDown();
            release.await(30, TimeUnit.SECONDS);
            return allow(Duration.ofHours(1));
        }));
        CompletableFuture<RobotsCache.Verdict> second = new CompletableFuture<>();
        Thread secondThread = new Thread(() -> second.complete(get(cache, o -> {
            secondLoads.incrementAndGet();
            return allow(Duration.ofHours(1));
        })));
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
        secondThread.start();
        // Parked in the wait for the first load: the only timed wait on the second thread's path.
        await().until(() -> secondThread.getState() == Thread.State.TIMED_WAITING);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).rules()).isPresent();
        assertThat(second.get(10, TimeUnit.SECONDS).rules()).isPresent();
        assertThat(loads).hasValue(1);
        assertThat(secondLoads).hasValue(0);
    }

    private static RobotsCache.Verdict get(RobotsCache cache, RobotsCache.Loader loader) {
        try {
            return cache.get("https://news.test", loader);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-03-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
