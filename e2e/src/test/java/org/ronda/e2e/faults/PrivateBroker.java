package org.ronda.e2e.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka broker of the test's own (one KRaft node, broker and controller, on free ports of
 * 127.0.0.1, data under e2e/target), started from the jars that {@code ops/engines.sh} cached in
 * {@code $RONDA_CACHE} (default ~/.cache/ronda). The broker restart test stops and starts this one
 * rather than the shared engine at 127.0.0.1:19092, which other test runs on the machine may be
 * using at that moment. Same Kafka version and the same settings as ops/engines.sh writes.
 */
final class PrivateBroker implements AutoCloseable {

    private static final String KAFKA_VERSION = "4.1.1";

    private final Path lib;
    private final Path dir;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    PrivateBroker(Path dir) throws IOException {
        String cache = System.getenv().getOrDefault("RONDA_CACHE", System.getProperty("user.home") + "/.cache/ronda");
        this.lib = Path.of(cache, "kafka-" + KAFKA_VERSION, "lib");
        if (!Files.isRegularFile(lib.resolve("kafka_2.13-" + KAFKA_VERSION + ".jar"))) {
            throw new IllegalStateException("no Kafka " + KAFKA_VERSION + " jars in " + lib + ": run ops/engines.sh up once (it caches them)");
        }
        this.dir = dir;
        this.port = FaultPipeline.freePort();
        int controller = FaultPipeline.freePort();
        Files.createDirectories(dir.resolve("data"));
        this.config = dir.resolve("server.properties");
        this.log = dir.resolve("broker.log");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "auto.create.topics.enable=true",
                "num.partitions=1",
                "group.initial.rebalance.delay.ms=0",
                "") );
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.out.ref = out",
                ""));
        run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again, on the same data) and waits until it answers a metadata request. */
    void start() throws IOException {
        process = new ProcessBuilder(command(List.of("-Xmx256m", "kafka.Kafka", config.toString())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(p)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the test broker exited with " + process.exitValue() + ", see " + log);
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    admin.listTopics().names().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the test broker did not answer within 60 s, see " + log, notYet);
                    }
                }
            }
        }
    }

    /** Stops the broker as an operator's restart does (SIGTERM, controlled shutdown), keeping its data. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    Path log() {
        return log;
    }

    private void run(List<String> args) throws IOException {
        try {
            Process p = new ProcessBuilder(command(args)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("format.log").toFile())).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(args.get(0) + " failed, see " + dir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private List<String> command(List<String> args) {
        List<String> c = new java.util.ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse("java"));
        c.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        c.add("-cp");
        c.add(lib + "/*");
        c.addAll(args);
        return c;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
