package org.ronda.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronda.alerts.subscription.SubscriptionDirectory;
import org.ronda.contracts.Alert;
import org.ronda.contracts.ArticleAlerts;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.Subscription;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;
import org.ronda.net.AddressRange;
import org.ronda.net.HostResolver;

/**
 * Webhook delivery on the real Kafka broker ({@code it.kafka.bootstrap}, default 127.0.0.1:19092),
 * with fresh topics and a fresh consumer group per test. Real: Kafka, sockets, HTTP. Receivers are
 * JDK HTTP servers on 127.0.0.1; the subscription directory is an in-memory map; names are resolved
 * by a fixed table, so the only address any request can reach is 127.0.0.1.
 */
class WebhookDeliveryIT {

    private static final String BOOTSTRAP = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
    private static final String SECRET = "whsec_it_5b7e";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String alertsTopic = "it.webhook." + run + ".alerts";
    private final String deadLetterTopic = "it.webhook." + run + ".dead-letter";
    private final String group = "it-webhook-" + run;
    private final MapDirectory directory = new MapDirectory();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<Receiver> receivers = new ArrayList<>();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    /** Only these test names resolve, and only to 127.0.0.1 or to addresses the guard must refuse. */
    private final HostResolver dns = host -> switch (host) {
        case "receiver.test" -> List.of(literal("127.0.0.1"));
        case "metadata.attacker.test" -> List.of(literal("169.254.169.254"));
        case "intranet.attacker.test" -> List.of(literal("10.0.0.8"));
        default -> throw new UnknownHostException(host);
    };

    @AfterEach
    void tearDown() throws InterruptedException {
        for (WebhookDelivery d : deliveries) {
            d.stop(Duration.ofSeconds(5));
        }
        receivers.forEach(Receiver::close);
    }

    /** (a) A receiver answering 503 for about 3 s, then 200: every alert arrives once, correctly signed. */
    @Test
    void aReceiverThatRecoversGetsEveryAlertExactlyOnce() throws Exception {
        createTopics();
        Instant recoversAt = Instant.now().plusSeconds(3);
        Receiver receiver = receiver(request -> Instant.now().isBefore(recoversAt) ? 503 : 200);
        String sub1 = subscribe(receiver.url("/one"));
        String sub2 = subscribe("http://receiver.test:" + receiver.port() + "/two");
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            alerts.add(WebhookFixtures.alert(sub1, i));
            alerts.add(WebhookFixtures.alert(sub2, i));
        }
        publish(alerts);

        start(settings(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMinutes(1), 8));

        await().atMost(Duration.ofSeconds(60)).until(() -> counted("delivered") == alerts.size());
        // No further POST may follow: a delivered alert is finished, whatever the timing of its retries.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> receiver.answered(200).size() == alerts.size());

        List<Receiver.Request> ok = receiver.answered(200);
        Map<String, Long> perDelivery = ok.stream().collect(Collectors.groupingBy(Receiver.Request::deliveryId, Collectors.counting()));
        assertThat(perDelivery).hasSize(alerts.size()).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertThat(perDelivery.keySet()).containsExactlyInAnyOrderElementsOf(alerts.stream().map(Alert::deliveryId).toList());
        assertThat(receiver.answered(503)).as("the outage was exercised").isNotEmpty();
        for (Receiver.Request r : receiver.requests) {
            assertThat(verify(r.signature(), r.body(), SECRET)).as("signature of %s", r.deliveryId()).isTrue();
            assertThat(r.event()).isEqualTo("alert.created");
        }
        assertThat(counted("skipped") + counted("dead-lettered")).isZero();
        assertThat(metrics.get("ronda_alerts_webhook_latency").timer().count()).isEqualTo(alerts.size());
        assertThat(readDeadLetters(Duration.ofSeconds(1))).isEmpty();
    }

    /**
     * (b) One receiver is down for good: its alerts are dead-lettered with the reason after
     * giveUpAfter, and the other subscriber's alerts are delivered meanwhile. Also: refused URLs,
     * a 404, and a deleted subscription.
     */
    @Test
    void aReceiverThatStaysDownIsDeadLetteredWithoutHoldingUpTheOthers() throws Exception {
        createTopics();
        Receiver healthy = receiver(request -> request.path().equals("/gone") ? 404 : 200);
        String down = subscribe("http://127.0.0.1:" + closedPort() + "/hook");
        String up = subscribe(healthy.url("/hook"));
        String metadata = subscribe("http://metadata.attacker.test/latest/meta-data/");
        String intranet = subscribe("https://intranet.attacker.test/hook");
        String rejecting = subscribe(healthy.url("/gone"));
        String deleted = WebhookFixtures.newSubscriptionId();
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            alerts.add(WebhookFixtures.alert(down, i));
            alerts.add(WebhookFixtures.alert(up, i));
        }
        alerts.add(WebhookFixtures.alert(metadata, 1));
        alerts.add(WebhookFixtures.alert(intranet, 1));
        alerts.add(WebhookFixtures.alert(rejecting, 1));
        alerts.add(WebhookFixtures.alert(deleted, 1));
        publish(alerts);

        Duration giveUp = Duration.ofSeconds(3);
        start(settings(Duration.ofMillis(100), Duration.ofMillis(500), giveUp, 4));

        await().atMost(Duration.ofSeconds(30)).until(() -> healthy.answered(200).size() == 10);
        Instant othersDone = Instant.now();
        await().atMost(Duration.ofSeconds(60)).until(() -> counted("dead-lettered") == 13);
        assertThat(counted("delivered")).isEqualTo(10);
        assertThat(counted("skipped")).isEqualTo(1);

        Map<String, List<DeadLetter>> bySubscription = readDeadLetters(Duration.ofSeconds(30), 13).stream()
                .collect(Collectors.groupingBy(d -> EventCodec.decodeArticleAlerts(d.payload()).decisions().get(0).subscriptionId()));
        // A letter carries its record narrowed to the one alert that failed, so that a replay re-sends that alert only.
        assertThat(bySubscription.values().stream().flatMap(List::stream))
                .allSatisfy(d -> assertThat(EventCodec.decodeArticleAlerts(d.payload()).decisions()).hasSize(1));
        assertThat(bySubscription.get(down)).hasSize(10).allSatisfy(d -> {
            assertThat(d.stage()).isEqualTo("alerts-webhook");
            assertThat(d.reason()).isEqualTo("webhook-gave-up");
            assertThat(d.detail()).contains("ConnectException");
            assertThat(d.sourceTopic()).isEqualTo(alertsTopic);
            // The healthy receiver had everything before the down one was given up on.
            assertThat(d.failedAt()).isAfter(othersDone);
        });
        assertThat(bySubscription.get(metadata)).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("webhook-url-refused");
            assertThat(d.detail()).contains("169.254.169.254").contains("metadata");
        });
        assertThat(bySubscription.get(intranet)).singleElement()
                .satisfies(d -> assertThat(d.detail()).contains("10.0.0.8").contains("private"));
        assertThat(bySubscription.get(rejecting)).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("webhook-rejected");
            assertThat(d.detail()).contains("HTTP 404");
        });
        assertThat(healthy.requests).filteredOn(r -> r.path().equals("/gone")).hasSize(1);
    }

    /**
     * (c) The delivery is stopped gracefully mid-stream and a new instance takes over in the same
     * group: every alert arrives, and none arrives twice.
     */
    @Test
    void aRestartLosesNothingAndRepeatsNothing() throws Exception {
        createTopics();
        // A receiver that takes a little time per request keeps the first instance busy when it stops.
        Receiver receiver = receiver(request -> {
            pause(Duration.ofMillis(15));
            return 200;
        });
        String sub1 = subscribe(receiver.url("/a"));
        String sub2 = subscribe(receiver.url("/b"));
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // Two subscriptions per article record: a record stopped half-delivered would be sent again.
            alerts.add(WebhookFixtures.alert(i % 2 == 0 ? sub1 : sub2, i / 2));
        }
        publish(alerts);
        WebhookSettings settings = settings(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1), 3);

        WebhookDelivery first = start(settings);
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.answered(200).size() >= 40);
        first.stop(Duration.ofSeconds(10));
        int beforeRestart = receiver.answered(200).size();
        assertThat(beforeRestart).as("stopped mid-stream").isLessThan(alerts.size());

        start(settings);
        await().atMost(Duration.ofSeconds(90)).until(() -> distinctDeliveries(receiver) == alerts.size());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> receiver.answered(200).size() == alerts.size());

        Map<String, Long> perDelivery = receiver.answered(200).stream()
                .collect(Collectors.groupingBy(Receiver.Request::deliveryId, Collectors.counting()));
        assertThat(perDelivery).hasSize(alerts.size()).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertThat(counted("delivered")).isEqualTo(alerts.size());
    }

    /** A 429 with {@code Retry-After: 2} delays the next attempt by those 2 s, not by the 100 ms backoff. */
    @Test
    void a429WaitsWhatRetryAfterAsks() throws Exception {
        createTopics();
        Set<String> throttled = ConcurrentHashMap.newKeySet();
        Receiver receiver = receiver(request -> throttled.add(request.deliveryId()) ? 429 : 200);
        String sub = subscribe(receiver.url("/hook"));
        List<Alert> alerts = List.of(WebhookFixtures.alert(sub, 1), WebhookFixtures.alert(sub, 2));
        publish(alerts);

        start(settings(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(1), 4));

        await().atMost(Duration.ofSeconds(60)).until(() -> counted("delivered") == alerts.size());
        for (Alert a : alerts) {
            List<Receiver.Request> tries = receiver.requests.stream().filter(r -> r.deliveryId().equals(a.deliveryId())).toList();
            assertThat(tries).extracting(Receiver.Request::status).containsExactly(429, 200);
            assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        }
    }

    // ---- helpers ----

    private WebhookSettings settings(Duration initial, Duration max, Duration giveUp, int maxInFlight) {
        return new WebhookSettings(group, initial, max, giveUp, Duration.ofSeconds(2), maxInFlight, maxInFlight * 16,
                Set.of("127.0.0.1/32"));
    }

    private WebhookDelivery start(WebhookSettings settings) {
        WebhookDelivery d = new WebhookDelivery(BOOTSTRAP, alertsTopic, deadLetterTopic, directory, settings, metrics,
                Clock.systemUTC(), dns);
        deliveries.add(d);
        d.start();
        return d;
    }

    private void createTopics() {
        TopicCreator.ensure(BOOTSTRAP, List.of(new TopicSpec(alertsTopic, 3, false), new TopicSpec(deadLetterTopic, 1, false)),
                (short) 1);
    }

    private String subscribe(String url) {
        String id = WebhookFixtures.newSubscriptionId();
        directory.put(WebhookFixtures.subscription(id, url, SECRET));
        return id;
    }

    /** Publishes {@code alerts} as the match loop would: one record per article with the decisions of all its alerts. */
    private void publish(List<Alert> alerts) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(BOOTSTRAP, "it-webhook-producer"))) {
            for (ArticleAlerts r : WebhookFixtures.records(alerts)) {
                producer.send(new ProducerRecord<>(alertsTopic, r.clusterId(), EventCodec.encode(r)));
            }
            producer.flush();
        }
    }

    private long counted(String outcome) {
        return (long) metrics.get("ronda_alerts_records").tags("stage", "webhook", "outcome", outcome).counter().count();
    }

    private List<DeadLetter> readDeadLetters(Duration wait) {
        return readDeadLetters(wait, Integer.MAX_VALUE);
    }

    /** Reads the dead-letter topic from the start until {@code expected} letters or {@code wait} passed. */
    private List<DeadLetter> readDeadLetters(Duration wait, int expected) {
        Properties p = KafkaClientProperties.consumer(BOOTSTRAP, group + "-reader", "it-webhook-reader", 500);
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(deadLetterTopic));
            Instant until = Instant.now().plus(wait);
            while (out.size() < expected && Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(EventCodec.decodeDeadLetter(r.value()));
                }
            }
        }
        return out;
    }

    private static long distinctDeliveries(Receiver receiver) {
        return receiver.answered(200).stream().map(Receiver.Request::deliveryId).distinct().count();
    }

    /** The subscriber's side of the signature recipe, written from the documentation. */
    private static boolean verify(String header, byte[] body, String secret) throws Exception {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        return v1 != null && java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1))
                && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300;
    }

    private static int closedPort() throws IOException {
        // A port that was free a moment ago: connecting to it is refused at once.
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static InetAddress literal(String address) {
        return AddressRange.parseLiteral(address).orElseThrow();
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Receiver receiver(Function<Receiver.Request, Integer> answer) throws IOException {
        Receiver r = new Receiver(answer);
        receivers.add(r);
        return r;
    }

    /** A webhook receiver on 127.0.0.1 that records every request and the status it answered. */
    static final class Receiver {
        record Request(String path, String deliveryId, String event, String signature, byte[] body, int status, Instant at) {}

        final List<Request> requests = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(8);

        Receiver(Function<Request, Integer> answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/", exchange -> handle(exchange, answer));
            server.start();
        }

        private void handle(HttpExchange exchange, Function<Request, Integer> answer) throws IOException {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                var h = exchange.getRequestHeaders();
                Request seen = new Request(exchange.getRequestURI().getPath(), h.getFirst("Ronda-Delivery-Id"),
                        h.getFirst("Ronda-Event"), h.getFirst("Ronda-Signature"), body, 0, Instant.now());
                int status = answer.apply(seen);
                requests.add(new Request(seen.path(), seen.deliveryId(), seen.event(), seen.signature(), body, status, seen.at()));
                if (status == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "2");
                }
                exchange.sendResponseHeaders(status, -1);
            }
        }

        List<Request> answered(int status) {
            return requests.stream().filter(r -> r.status() == status).toList();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port() + path;
        }

        void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** Subscriptions in memory, as the store would hold them after loading its topic. */
    static final class MapDirectory implements SubscriptionDirectory {
        private final Map<String, Subscription> byId = new ConcurrentHashMap<>();

        void put(Subscription s) {
            byId.put(s.id(), s);
        }

        @Override
        public Optional<Subscription> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Collection<Subscription> all() {
            return List.copyOf(byId.values());
        }
    }
}
