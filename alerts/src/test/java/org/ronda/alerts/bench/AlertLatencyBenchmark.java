package org.ronda.alerts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ronda.alerts.match.SubscriptionMatcher;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.Subscription;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/**
 * {@code ./ronda bench alerts}, second part: latency from the enriched event to the webhook
 * received, through the packaged alerts service that {@code ./ronda} started on its own topics.
 *
 * <p>Real: Kafka, the alerts service (its match loop, transactions, webhook consumer and HTTP
 * client), sockets. Generated: 10,000 subscriptions from {@link BenchCorpus} written straight to
 * the service's subscriptions topic, every {@code n/webhooks}-th with a webhook to a receiver in this
 * process; enriched articles copied from the sample with a new URL and story each time, so every one
 * is new, produced at a steady rate with {@code enrichedAt} = send time. The receiver notes the
 * first arrival of each {@code Ronda-Delivery-Id}; the in-process {@link SubscriptionMatcher} says
 * which deliveries to expect, so a missing one is counted, not just absent from the percentiles.
 *
 * <p>Two steps, with the service started in between: {@code subscribe} writes the subscriptions
 * (so that the service loads them at start-up, as after any restart); {@code measure OUTPUT
 * SERVICE_URL SERVICE_PID} waits until the service is ready, produces, receives and appends the
 * figures to OUTPUT (the pid is for the service's peak RSS). System properties, the same for both
 * steps: {@code bench.kafka} (127.0.0.1:19092), {@code bench.topics} (topic prefix of the service,
 * required), {@code bench.subscriptions} (10000), {@code bench.webhooks} (250),
 * {@code bench.receiver-port} (8096), {@code bench.rate} (articles/s, 50), {@code bench.warmup-seconds}
 * (10, sent but not in the percentiles), {@code bench.seconds} (60), {@code bench.drain-seconds}
 * (30: how long to wait for the last deliveries without progress). Exits 1 when a delivery is missing.
 */
public final class AlertLatencyBenchmark {

    private static final String SECRET = "bench-webhook-secret";

    /** What one delivery was expected for: the article's URL. */
    private record Sent(long sentNanos, Instant enrichedAt, boolean measured) {
    }

    /** The first arrival of one delivery id. */
    private record Arrival(long nanos, Instant at, String url, Instant alertedAt) {
    }

    private final Map<String, Sent> sentByUrl = new ConcurrentHashMap<>();
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    private AlertLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && "subscribe".equals(args[0])) {
            new AlertLatencyBenchmark().subscribe();
            return;
        }
        if (args.length < 4 || !"measure".equals(args[0])) {
            System.err.println("usage: AlertLatencyBenchmark subscribe | measure OUTPUT SERVICE_URL SERVICE_PID");
            System.exit(2);
        }
        int exit;
        try {
            exit = new AlertLatencyBenchmark().measure(Path.of(args[1]), URI.create(args[2]), Long.parseLong(args[3]));
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        }
        // Also ends the receiver's threads and the Kafka clients' threads.
        System.exit(exit);
    }

    private static String kafka() {
        return System.getProperty("bench.kafka", "127.0.0.1:19092");
    }

    private static String prefix() {
        String prefix = System.getProperty("bench.topics");
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("bench.topics (the topic prefix the service is started with) is required");
        }
        return prefix;
    }

    private static int receiverPort() {
        return Integer.getInteger("bench.receiver-port", 8096);
    }

    /** The generated subscriptions, every {@code n/webhooks}-th with a webhook to the receiver. */
    private static List<Subscription> subscriptions(BenchCorpus corpus) {
        int n = Integer.getInteger("bench.subscriptions", 10_000);
        int webhooks = Integer.getInteger("bench.webhooks", 250);
        String hookUrl = "http://127.0.0.1:" + receiverPort() + "/hook";
        List<Subscription> subs = new ArrayList<>(corpus.subscriptions(n, 20261128L));
        int every = Math.max(1, n / Math.max(1, webhooks));
        for (int i = 0; i < subs.size(); i += every) {
            subs.set(i, BenchCorpus.withWebhook(subs.get(i), hookUrl, SECRET));
        }
        return subs;
    }

    /**
     * Writes the subscriptions to the run's subscriptions topic (created as the service would), before
     * the service starts: it then loads them as it does after any restart.
     */
    private void subscribe() {
        List<Subscription> subs = subscriptions(new BenchCorpus());
        String topic = prefix() + ".alerts.subscriptions";
        // As the service creates it: compacted, the default 3 partitions.
        TopicCreator.ensure(kafka(), List.of(new TopicSpec(topic, 3, true)), (short) 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(kafka(), "bench-alerts-subscriptions"))) {
            for (Subscription s : subs) {
                producer.send(new ProducerRecord<>(topic, s.id(), EventCodec.encode(s)));
            }
            producer.flush();
        }
        say("%,d subscriptions written to %s (%d with a webhook)", subs.size(), topic, subs.stream().filter(s -> s.webhook() != null).count());
    }

    private int measure(Path out, URI service, long servicePid) throws Exception {
        String kafka = kafka();
        String prefix = prefix();
        double rate = Double.parseDouble(System.getProperty("bench.rate", "50"));
        int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 10);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int drainSeconds = Integer.getInteger("bench.drain-seconds", 30);

        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort()), 256);
        ExecutorService receiverThreads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bench-receiver");
            t.setDaemon(true);
            return t;
        });
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/hook", this::receive);
        receiver.start();

        BenchCorpus corpus = new BenchCorpus();
        List<Subscription> subs = subscriptions(corpus);
        int n = subs.size();
        List<Subscription> hooked = subs.stream().filter(s -> s.webhook() != null).toList();
        SubscriptionMatcher expectation = new SubscriptionMatcher();
        expectation.savedAll(hooked);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        say("waiting until the service at %s is ready and matches %,d subscriptions", service, n);
        long t0 = System.nanoTime();
        awaitHealth(http, service, n, Duration.ofMinutes(5));
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        say("service ready %.1f s after this process started waiting", loadSeconds);

        // Expected delivery id -> the URL of the article it is for.
        Map<String, String> expected = new ConcurrentHashMap<>();
        List<EnrichedArticle> templates = corpus.articles();
        String run = prefix.replaceAll("[^A-Za-z0-9-]", "-");
        int warmup = (int) Math.round(warmupSeconds * rate);
        int total = warmup + (int) Math.round(seconds * rate);
        long interval = (long) (1e9 / rate);
        long maxLagNanos = 0;
        long start;
        say("producing %,d enriched articles at %.0f/s (%d s of warm-up, %d s measured)", total, rate, warmupSeconds, seconds);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(kafka, "bench-alerts-articles"))) {
            start = System.nanoTime() + 100_000_000L;
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
                maxLagNanos = Math.max(maxLagNanos, now - due);
                EnrichedArticle template = templates.get(i % templates.size());
                String url = "http://127.0.0.1:1/bench/" + run + "/" + i + "/" + template.article().source().id();
                String cluster = "bench-" + run + "-" + i;
                Instant enrichedAt = Instant.now();
                EnrichedArticle article = BenchCorpus.fresh(template, url, cluster, enrichedAt);
                for (String id : expectation.match(article)) {
                    expected.put(id + "/" + cluster + "#1", url);
                }
                sentByUrl.put(url, new Sent(System.nanoTime(), enrichedAt, i >= warmup));
                producer.send(new ProducerRecord<>(prefix + ".articles.enriched", article.articleId(), EventCodec.encode(article)));
            }
            producer.flush();
        }
        long sentAt = System.nanoTime();
        double sendSeconds = (sentAt - start) / 1e9;
        String loadWhileSending = loadAverage();
        say("all sent; waiting for %,d expected deliveries (%,d so far)", expected.size(), arrivals.size());
        int seen = -1;
        long lastProgress = System.nanoTime();
        while (!arrivals.keySet().containsAll(expected.keySet())
                && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(drainSeconds)) {
            if (arrivals.size() != seen) {
                seen = arrivals.size();
                lastProgress = System.nanoTime();
            }
            Thread.sleep(200);
        }
        double drained = (System.nanoTime() - sentAt) / 1e9;
        receiver.stop(0);
        receiverThreads.shutdownNow();
        expectation.close();

        List<String> lines = report(expected, n, hooked.size(), rate, warmupSeconds, seconds, maxLagNanos, loadSeconds, drained, servicePid);
        lines.add(3, String.format("sent %,d articles in %.1f s: %.1f/s on average (after a stall, overdue articles go out at once to catch up)",
                total, sendSeconds, total / sendSeconds));
        lines.add(String.format("machine: %d cores; load average (1/5/15 min) %s when the last article was sent, %s at the end",
                Runtime.getRuntime().availableProcessors(), loadWhileSending, loadAverage()));
        lines.forEach(System.out::println);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long missing = expected.keySet().stream().filter(id -> !arrivals.containsKey(id)).count();
        return missing > 0 ? 1 : 0;
    }

    private List<String> report(Map<String, String> expected, int n, int hooked, double rate, int warmupSeconds, int seconds,
            long maxLagNanos, double loadSeconds, double drained, long servicePid) {
        List<Long> total = new ArrayList<>();
        List<Long> match = new ArrayList<>();
        List<Long> deliver = new ArrayList<>();
        // When in the run the slow ones were sent: a tail spread evenly is CPU; one in a window is a stall.
        java.util.TreeMap<Long, List<Long>> byWindow = new java.util.TreeMap<>();
        long firstMeasured = sentByUrl.values().stream().filter(Sent::measured).mapToLong(Sent::sentNanos).min().orElse(0);
        long missing = 0;
        long unexpected = arrivals.keySet().stream().filter(id -> !expected.containsKey(id)).count();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Arrival a = arrivals.get(e.getKey());
            Sent s = sentByUrl.get(e.getValue());
            if (a == null) {
                missing++;
                continue;
            }
            if (!s.measured()) {
                continue;
            }
            total.add(a.nanos() - s.sentNanos());
            byWindow.computeIfAbsent((s.sentNanos() - firstMeasured) / 10_000_000_000L, k -> new ArrayList<>()).add(a.nanos() - s.sentNanos());
            if (a.alertedAt() != null) {
                match.add(Duration.between(s.enrichedAt(), a.alertedAt()).toNanos());
                deliver.add(Duration.between(a.alertedAt(), a.at()).toNanos());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("alerts latency benchmark (packaged service, real Kafka, webhooks to 127.0.0.1)");
        lines.add(String.format("subscriptions: %,d (%d with a webhook), written before start-up; service ready %.1f s after the benchmark began waiting",
                n, hooked, loadSeconds));
        lines.add(String.format("articles: %.0f/s for %d s measured after %d s of warm-up; producer schedule lag at most %.1f ms",
                rate, seconds, warmupSeconds, maxLagNanos / 1e6));
        lines.add(String.format("deliveries: %,d expected, %,d received (%,d missing, %,d unexpected, %,d repeated, %,d unreadable); last one %.1f s after the last article",
                expected.size(), expected.size() - missing, missing, unexpected, duplicates.get(), unreadable.get(), drained));
        lines.add(String.format("enriched -> webhook received (%,d measured): %s", total.size(), percentiles(total)));
        lines.add(String.format("  of which enriched -> alert made (poll, match):  %s", percentiles(match)));
        lines.add(String.format("  of which alert made -> received (commit, poll, POST): %s", percentiles(deliver)));
        StringBuilder windows = new StringBuilder("  p99 by 10 s of sending:");
        byWindow.forEach((w, v) -> windows.append(String.format(" %s", ms(percentile(sorted(v), 0.99)))));
        lines.add(windows.toString());
        lines.add(String.format("service peak RSS (VmHWM): %s", peakRss(servicePid).orElse("unknown (pid " + servicePid + " not readable)")));
        Optional<Long> p99 = total.isEmpty() ? Optional.empty() : Optional.of(percentile(sorted(total), 0.99));
        lines.add(String.format("target p99 <= 1 s at %.0f articles/s: %s", rate,
                p99.map(v -> v <= 1_000_000_000L ? "met" : "NOT met").orElse("no data")));
        return lines;
    }

    private void receive(HttpExchange exchange) throws IOException {
        long nanos = System.nanoTime();
        Instant at = Instant.now();
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readAllBytes();
            String deliveryId = exchange.getRequestHeaders().getFirst("Ronda-Delivery-Id");
            String url = null;
            Instant alertedAt = null;
            try {
                JsonNode json = EventCodec.mapper().readTree(bytes);
                url = json.path("article").path("url").asText(null);
                String alerted = json.path("alertedAt").asText(null);
                alertedAt = alerted == null ? null : Instant.parse(alerted);
            } catch (IOException | RuntimeException e) {
                unreadable.incrementAndGet();
            }
            if (deliveryId == null || url == null) {
                unreadable.incrementAndGet();
            } else if (arrivals.putIfAbsent(deliveryId, new Arrival(nanos, at, url, alertedAt)) != null) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Waits until the readiness check is UP and, when {@code subscriptions > 0}, matches that many. */
    private static void awaitHealth(HttpClient http, URI service, int subscriptions, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(service.resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = EventCodec.mapper().readTree(r.body());
                int matched = 0;
                for (JsonNode check : json.path("checks")) {
                    matched = Math.max(matched, check.path("data").path("subscriptionsMatched").asInt(0));
                }
                last = json.path("status").asText() + ", " + matched + " subscriptions matched";
                if (r.statusCode() == 200 && "UP".equals(json.path("status").asText()) && matched >= subscriptions) {
                    return;
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the alerts service at " + service + " was not ready within " + timeout + " (last: " + last + ")");
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Optional<String> peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Optional.of(String.format("%d MiB", kib / 1024));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no data";
        }
        long[] s = sorted(nanos);
        return String.format("p50 %s, p95 %s, p99 %s, max %s", ms(percentile(s, 0.50)), ms(percentile(s, 0.95)),
                ms(percentile(s, 0.99)), ms(s[s.length - 1]));
    }

    private static long[] sorted(List<Long> values) {
        long[] s = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(s);
        return s;
    }

    /** Nearest rank. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String ms(long nanos) {
        return String.format("%.0f ms", nanos / 1e6);
    }

    private static void say(String format, Object... args) {
        System.out.println("bench: " + String.format(format, args));
    }
}
