package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Pure logic with real time: the waits here are the throttle's own, a few hundred milliseconds. */
class HostThrottleTest {

    @Test
    void limitsConcurrencyPerHostAndNotAcrossHosts() throws Exception {
        HostThrottle throttle = new HostThrottle(2, Duration.ZERO);

        Optional<HostThrottle.Permit> a = throttle.tryAcquire("news.test", Duration.ZERO);
        Optional<HostThrottle.Permit> b = throttle.tryAcquire("NEWS.test", Duration.ZERO);
        Optional<HostThrottle.Permit> c = throttle.tryAcquire("news.test", Duration.ZERO);
        Optional<HostThrottle.Permit> other = throttle.tryAcquire("other.test", Duration.ZERO);

        assertThat(a).isPresent();
        assertThat(b).isPresent();
        assertThat(c).isEmpty();
        assertThat(other).isPresent();
        assertThat(throttle.inFlight("news.test")).isEqualTo(2);
        a.get().close();
        a.get().close();
        assertThat(throttle.inFlight("news.test")).isEqualTo(1);
        assertThat(throttle.tryAcquire("news.test", Duration.ZERO)).isPresent();
    }

    @Test
    void aWaiterGetsTheSlotWhenOneIsReleased() throws Exception {
        HostThrottle throttle = new HostThrottle(1, Duration.ZERO);
        HostThrottle.Permit first = throttle.tryAcquire("news.test", Duration.ZERO).orElseThrow();

        CompletableFuture<Optional<HostThrottle.Permit>> second = CompletableFuture.supplyAsync(() -> {
            try {
                return throttle.tryAcquire("news.test", Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().until(() -> throttle.waiting("news.test") == 1);
        first.close();

        assertThat(second.get()).isPresent();
    }

    @Test
    void spacesTheStartsOfRequestsToOneHost() throws Exception {
        HostThrottle throttle = new HostThrottle(5, Duration.ofMillis(200));

        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            throttle.tryAcquire("news.test", Duration.ofSeconds(5)).orElseThrow().close();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aLargerCrawlDelayReplacesTheMinimumInterval() throws Exception {
        HostThrottle throttle = new HostThrottle(5, Duration.ofMillis(10));
        throttle.crawlDelay("slow.test", Duration.ofMillis(300));

        throttle.tryAcquire("slow.test", Duration.ZERO).orElseThrow().close();

        assertThat(throttle.tryAcquire("slow.test", Duration.ofMillis(50))).isEmpty();
        assertThat(throttle.tryAcquire("fast.test", Duration.ZERO)).isPresent();
        assertThat(throttle.tryAcquire("slow.test", Duration.ofSeconds(5))).isPresent();
    }

    @Test
    void aWaitEndsWhenTheThreadIsInterrupted() throws Exception {
        HostThrottle throttle = new HostThrottle(1, Duration.ZERO);
        throttle.tryAcquire("news.test", Duration.ZERO).orElseThrow();
        AtomicReference<Throwable> thrown = new AtomicReference<>();

        Thread waiter = new Thread(() -> {
            try {
                throttle.tryAcquire("news.test", Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        waiter.start();
        await().until(() -> throttle.waiting("news.test") == 1);
        waiter.interrupt();
        waiter.join(5000);

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(throttle.waiting("news.test")).isZero();
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new HostThrottle(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostThrottle(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
