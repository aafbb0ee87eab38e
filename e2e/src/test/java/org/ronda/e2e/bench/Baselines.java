package org.ronda.e2e.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jsoup.Jsoup;
import org.ronda.ingest.extract.ArticleExtractor;
import org.ronda.ingest.extract.ExtractionException;

/**
 * What this machine can do at most, measured with minimal programs on the same data as the
 * pipeline: Elasticsearch {@code _bulk}, Kafka's own performance tools, and jsoup alone.
 */
final class Baselines {

    /** Pages parsed before timing starts, so the JIT has compiled the hot paths. */
    private static final int WARM_UP_PAGES = 500;

    private Baselines() {
    }

    /** Documents per second of a plain {@code _bulk} loader. */
    record BulkResult(long docs, double seconds, int docsPerRequest, int inFlight) {
        double docsPerSecond() {
            return docs / seconds;
        }
    }

    /**
     * Loads the {@code _bulk} lines of {@code lines} into {@code index} with {@code inFlight}
     * requests of {@code docsPerRequest} documents at once, and waits until all are searchable.
     */
    static BulkResult bulkLoad(Elastic elastic, String index, Path lines, long docs, int docsPerRequest, int inFlight)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        long start = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(lines, StandardCharsets.UTF_8)) {
            List<Future<?>> running = new ArrayList<>();
            while (true) {
                StringBuilder body = new StringBuilder(docsPerRequest * 8192);
                int n = 0;
                String action;
                while (n < docsPerRequest && (action = in.readLine()) != null) {
                    body.append(action).append('\n').append(in.readLine()).append('\n');
                    n++;
                }
                if (n == 0) {
                    break;
                }
                if (running.size() == inFlight) {
                    running.remove(0).get();
                }
                String ndjson = body.toString();
                running.add(pool.submit(() -> {
                    elastic.bulk(index, ndjson);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            while (elastic.count(index) < docs) {
                Thread.sleep(50);
            }
        } finally {
            pool.shutdownNow();
        }
        return new BulkResult(docs, (System.nanoTime() - start) / 1e9, docsPerRequest, inFlight);
    }

    /**
     * Writes the values of every record of {@code topic} to {@code file}, one a line (JSON events
     * hold no raw line break), for the producer tool's {@code --payload-file}.
     *
     * @return count and total bytes of the values
     */
    static long[] dumpValues(String bootstrap, String topic, Path file) throws IOException {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        p.put("allow.auto.create.topics", "false");
        long count = 0;
        long bytes = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
                BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                parts.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null || r.value().indexOf('\n') >= 0) {
                        continue;
                    }
                    out.write(r.value());
                    out.write('\n');
                    count++;
                    bytes += r.serializedValueSize();
                }
            }
        }
        return new long[] {count, bytes};
    }

    /** One line of figures from a Kafka tool. */
    record KafkaResult(double recordsPerSecond, double mbPerSecond, String raw) {
    }

    private static final Pattern PRODUCER_LINE = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\)");

    /** ProducerPerformance from the Kafka distribution with the services' producer settings and the real payloads. */
    static KafkaResult producerPerf(Path kafkaLib, String bootstrap, String topic, long records, Path payloads, Path log)
            throws IOException, InterruptedException {
        String out = runTool(kafkaLib, log, "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--throughput", "-1",
                "--payload-file", payloads.toString(),
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
                "linger.ms=20", "compression.type=lz4");
        Matcher m = null;
        for (String line : out.split("\n")) {
            Matcher candidate = PRODUCER_LINE.matcher(line);
            if (candidate.find()) {
                m = candidate;
            }
        }
        if (m == null) {
            throw new IOException("no figures from ProducerPerformance, see " + log);
        }
        return new KafkaResult(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), m.group(0));
    }

    /** ConsumerPerformance from the Kafka distribution over the records the producer tool wrote. */
    static KafkaResult consumerPerf(Path kafkaLib, String bootstrap, String topic, long records, Path log)
            throws IOException, InterruptedException {
        String out = runTool(kafkaLib, log, "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrap, "--topic", topic, "--messages", Long.toString(records),
                "--timeout", "60000");
        // header: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        String[] lines = out.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String[] f = lines[i].split(",\\s*");
            if (f.length >= 6 && f[5].matches("[0-9.]+")) {
                return new KafkaResult(Double.parseDouble(f[5]), Double.parseDouble(f[3]), lines[i].strip());
            }
        }
        throw new IOException("no figures from ConsumerPerformance, see " + log);
    }

    private static String runTool(Path kafkaLib, Path log, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", kafkaLib.resolve("*").toString(), mainClass));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IOException(mainClass + " exited with " + p.exitValue() + ", see " + log);
        }
        return Files.readString(log);
    }

    /** Pages per second of one thread, by wall time and by the thread's CPU time. */
    record ParseResult(int pages, double wallSeconds, double cpuSeconds) {
        double perSecond() {
            return pages / wallSeconds;
        }

        double perCpuSecond() {
            return pages / cpuSeconds;
        }
    }

    /** Jsoup.parse alone over the pages, one thread, after a warm-up on the first pages. */
    static ParseResult parseOnly(List<String[]> pages) {
        for (String[] page : pages.subList(0, Math.min(WARM_UP_PAGES, pages.size()))) {
            Jsoup.parse(page[1], page[0]);
        }
        return time(pages, page -> Jsoup.parse(page[1], page[0]).childNodeSize());
    }

    /** The ingest extractor (parse plus metadata and body extraction) over the pages, one thread, after a warm-up on the first pages. */
    static ParseResult extraction(List<String[]> pages) {
        ArticleExtractor extractor = new ArticleExtractor();
        java.util.function.ToIntFunction<String[]> extract = page -> {
            try {
                return extractor.extract(page[1], URI.create(page[0])).text().length();
            } catch (ExtractionException e) {
                return 0;
            }
        };
        for (String[] page : pages.subList(0, Math.min(WARM_UP_PAGES, pages.size()))) {
            extract.applyAsInt(page);
        }
        return time(pages, extract);
    }

    private static ParseResult time(List<String[]> pages, java.util.function.ToIntFunction<String[]> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long sink = 0;
        for (String[] page : pages) {
            sink += work.applyAsInt(page);
        }
        long wall = System.nanoTime() - start;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        if (sink == Long.MIN_VALUE) {
            System.out.print("");
        }
        return new ParseResult(pages.size(), wall / 1e9, cpu / 1e9);
    }
}
