package org.ronda.e2e.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Liveness watchdog for the fault tests: every second it samples the committed offsets and lag of
 * each watched consumer group (Kafka admin API) and fails the test when a group has work waiting
 * and its offsets have not moved for the stall limit ({@code ronda.faults.stall-limit}, default
 * 45 s). A test declares its deliberate outages with {@link #outage(String)}; the clock is held
 * while one lasts and restarts when it ends. Register it with {@code @RegisterExtension}; wait with
 * {@link #until(Duration, Callable)} so that a stall ends the wait at once with the watchdog's
 * message instead of a bare timeout; the check runs again after each test.
 */
final class ProgressWatchdog implements AfterEachCallback {

    private record Watched(String bootstrap, String group, String topic, int tolerance, StallDetector detector) {
    }

    private final Duration limit;
    private final List<Watched> watched = new CopyOnWriteArrayList<>();
    private final Map<String, Admin> admins = new HashMap<>();
    private final AtomicReference<String> stall = new AtomicReference<>();
    private ScheduledExecutorService sampler;

    private ProgressWatchdog(Duration limit) {
        this.limit = limit;
    }

    /** A watchdog with the stall limit of {@code ronda.faults.stall-limit} (a Duration, default PT45S). */
    static ProgressWatchdog fromSettings() {
        return new ProgressWatchdog(Duration.parse(System.getProperty("ronda.faults.stall-limit", "PT45S")));
    }

    /** A watchdog with the given stall limit. */
    static ProgressWatchdog withLimit(Duration limit) {
        return new ProgressWatchdog(limit);
    }

    /** Starts watching one stage: {@code group} consuming {@code topic} on {@code bootstrap}. */
    synchronized void watch(String bootstrap, String stage, String group, String topic, int toleratedLagPerPartition) {
        String name = stage + " (group " + group + " on " + topic + ")";
        watched.add(new Watched(bootstrap, group, topic, toleratedLagPerPartition, new StallDetector(name, limit)));
        admins.computeIfAbsent(bootstrap, ProgressWatchdog::admin);
        if (sampler == null) {
            sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress-watchdog");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
        }
    }

    /** Declares a deliberate outage until the returned handle is closed. */
    Outage outage(String what) {
        Instant now = Instant.now();
        watched.forEach(w -> w.detector().outageBegan(now));
        return new Outage(what);
    }

    /** An outage in progress; closing it ends it. */
    final class Outage implements AutoCloseable {
        private final String what;

        private Outage(String what) {
            this.what = what;
        }

        @Override
        public void close() {
            Instant now = Instant.now();
            watched.forEach(w -> w.detector().outageEnded(now));
        }

        @Override
        public String toString() {
            return what;
        }
    }

    /** Throws the watchdog's finding if a watched stage stalled. */
    void check() {
        String s = stall.get();
        if (s != null) {
            throw new AssertionError("liveness watchdog: " + s);
        }
    }

    /** Waits (Awaitility, polled every 500 ms) until {@code condition} holds, failing at once on a stall. */
    void until(Duration atMost, Callable<Boolean> condition) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            check();
            return condition.call();
        });
    }

    private void sample() {
        Instant now = Instant.now();
        for (Watched w : watched) {
            Admin admin;
            synchronized (this) {
                admin = admins.get(w.bootstrap());
            }
            ConsumerLag.sample(admin, w.group(), w.topic(), w.tolerance())
                    .ifPresent(l -> w.detector().observe(now, l.committed(), l.lag()));
            w.detector().stall(now).ifPresent(s -> stall.compareAndSet(null, s));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
        check();
    }

    /** Stops sampling and closes the admin clients. */
    synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
        admins.values().forEach(a -> a.close(Duration.ofSeconds(5)));
        admins.clear();
    }

    private static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "ronda-fault-watchdog");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(p);
    }
}
